// The app:// adapter with the fake electron, which keeps Electron 45's rules: privileges before `ready`, the
// handler after it and only once, and a custom scheme that loads nothing until it is handled.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => import('../../fakes/electron'))

import { app, BrowserWindow, protocol, resetFakeElectron } from '../../fakes/electron'
import { registerAppScheme, serveAppBundle } from '@main/electron/app-protocol'
import { contentSecurityPolicyHeader } from '@main/electron/security'
import { resolveAppPage } from '@main/window/app-page'

let rendererDir: string

beforeEach(async () => {
  resetFakeElectron()
  rendererDir = await mkdtemp(join(tmpdir(), 'plugfleet-bundle ü-'))
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html>')
})

afterEach(async () => {
  await rm(rendererDir, { recursive: true, force: true })
})

const bundle = () => resolveAppPage({ isPackaged: true, devServerUrl: undefined, rendererDir })

describe('app:// in Electron', () => {
  it('is privileged as a standard, secure scheme that bypasses nothing', () => {
    registerAppScheme()
    expect(protocol.privileged).toHaveLength(1)
    const [{ scheme, privileges }] = protocol.privileged as [{ scheme: string; privileges: Record<string, boolean> }]
    expect(scheme).toBe('app')
    expect(privileges).toMatchObject({ standard: true, secure: true })
    for (const risky of ['bypassCSP', 'allowServiceWorkers', 'corsEnabled', 'stream'])
      expect(privileges[risky], risky).toBeFalsy()
  })

  it('cannot be privileged once the app is ready: index.ts does it at load time', async () => {
    await app.whenReady()
    expect(() => registerAppScheme()).toThrow(/before app is ready/)
  })

  it('serves the built page with the CSP header once the app is ready, and the window loads it', async () => {
    registerAppScheme()
    expect(() => serveAppBundle(bundle())).toThrow(/app is ready/)
    await app.whenReady()
    serveAppBundle(bundle())
    const response = await protocol.request('app://BUNDLE/index.html')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicyHeader(bundle()))
    const window = new BrowserWindow({})
    await window.loadURL(bundle().url)
    expect(window.webContents.loadedStatus).toBe(200)
    expect(window.webContents.getURL()).toBe('app://bundle/index.html')
    // One handler per scheme: a second registration is Electron's error, not a silent replacement.
    expect(() => serveAppBundle(bundle())).toThrow('Failed to register protocol: app')
  })

  it('without the handler the window cannot load the page at all', async () => {
    registerAppScheme()
    await app.whenReady()
    const window = new BrowserWindow({})
    await expect(window.loadURL(bundle().url)).rejects.toThrow(/ERR_UNKNOWN_URL_SCHEME/)
  })

  it('the dev server needs no handler', async () => {
    registerAppScheme()
    await app.whenReady()
    serveAppBundle(resolveAppPage({ isPackaged: false, devServerUrl: 'http://localhost:5173', rendererDir }))
    expect(protocol.isProtocolHandled('app')).toBe(false)
  })
})
