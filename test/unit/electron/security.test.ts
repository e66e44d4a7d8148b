import { readFile } from 'node:fs/promises'
import { beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => import('../../fakes/electron'))

import { app, BrowserWindow, resetFakeElectron, session, shell } from '../../fakes/electron'
import {
  CONTENT_SECURITY_POLICY,
  contentSecurityPolicyHeader,
  hardenSession,
  installSecurity,
  isAllowedExternalUrl,
  openExternalSafely,
} from '@main/electron/security'
import type { AppPage } from '@main/window/app-page'

const bundlePage: AppPage = {
  kind: 'bundle',
  url: 'app://bundle/index.html',
  rendererDir: '/opt/plugchoice-fleet/resources/app.asar/out/renderer',
}
const pageUrl = 'app://bundle/index.html'
const devPage: AppPage = { kind: 'dev-server', url: 'http://localhost:5173/' }

beforeEach(() => resetFakeElectron())

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://app.plugchoice.com/chargers/123',
    'https://app.plugchoice.com/',
    'https://APP.plugchoice.com/chargers/1?tab=logs#top',
  ])('allows the Plugchoice web app: %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true)
  })

  it.each([
    ['plain http', 'http://app.plugchoice.com/chargers/1'],
    ['another host', 'https://evil.example/chargers/1'],
    ['a look-alike subdomain', 'https://app.plugchoice.com.evil.example/'],
    ['a sibling host', 'https://plugchoice.com/'],
    ['credentials that hide the host', 'https://app.plugchoice.com@evil.example/'],
    ['credentials in the URL', 'https://user:secret@app.plugchoice.com/'],
    ['another port', 'https://app.plugchoice.com:8443/'],
    ['javascript:', 'javascript:alert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['a program-launching scheme', 'ms-msdt:/id PCWDiagnostic'],
    ['not a URL', 'app.plugchoice.com/chargers/1'],
    ['empty', ''],
  ])('refuses %s', (_what, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false)
  })

  it('hands the OS the normalised href it checked, not the string it was given', async () => {
    await expect(openExternalSafely(' https://APP.plugchoice.com/chargers/7?q=a b#x ')).resolves.toBe(true)
    await expect(openExternalSafely('https://app.plugchoice.com/chargers\\8')).resolves.toBe(true)
    expect(shell.opened).toEqual([
      'https://app.plugchoice.com/chargers/7?q=a%20b#x',
      'https://app.plugchoice.com/chargers/8',
    ])
  })

  it('opens only allowed URLs in the browser', async () => {
    await expect(openExternalSafely('https://app.plugchoice.com/chargers/7')).resolves.toBe(true)
    await expect(openExternalSafely('http://app.plugchoice.com/chargers/7')).resolves.toBe(false)
    await expect(openExternalSafely('file:///etc/passwd')).resolves.toBe(false)
    expect(shell.opened).toEqual(['https://app.plugchoice.com/chargers/7'])
  })
})

describe('session hardening', () => {
  it('denies every permission request, except clipboard writing for the app page', () => {
    hardenSession(session.defaultSession as never, bundlePage)
    const handler = session.defaultSession.permissionRequestHandler!
    const ask = (permission: string, requestingUrl: string) => {
      let granted: boolean | undefined
      handler({} as never, permission as never, (answer) => (granted = answer), { isMainFrame: true, requestingUrl })
      return granted
    }
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
      'hid',
      'unknown',
    ]) {
      expect(ask(permission, pageUrl), permission).toBe(false)
    }
    expect(ask('clipboard-sanitized-write', pageUrl)).toBe(true)
    expect(ask('clipboard-sanitized-write', 'https://evil.example/')).toBe(false)
  })

  it('answers permission checks the same way', () => {
    hardenSession(session.defaultSession as never, bundlePage)
    const check = session.defaultSession.permissionCheckHandler!
    expect(check(null, 'media', 'app://bundle', { isMainFrame: true, requestingUrl: pageUrl })).toBe(false)
    expect(check(null, 'clipboard-read', 'app://bundle', { isMainFrame: true, requestingUrl: pageUrl })).toBe(false)
    expect(
      check(null, 'clipboard-sanitized-write', 'app://bundle', { isMainFrame: true, requestingUrl: pageUrl }),
    ).toBe(true)
    expect(check(null, 'clipboard-sanitized-write', 'https://evil.example', { isMainFrame: false })).toBe(false)
  })

  it('cancels every remote request from the renderer; in development only the dev server is reachable', () => {
    hardenSession(session.defaultSession as never, bundlePage)
    const packaged = session.defaultSession.webRequest
    expect(packaged.wouldCancel('https://app.plugchoice.com/api/v3/chargers')).toBe(true)
    expect(packaged.wouldCancel('http://localhost:5173/src/main.ts')).toBe(true)
    expect(packaged.wouldCancel('app://bundle/assets/index.js')).toBe(false)
    // The built page needs nothing from the disk outside its own protocol, nor another app:// host.
    expect(packaged.wouldCancel('file:///opt/plugchoice-fleet/resources/app.asar/out/renderer/index.html')).toBe(true)
    expect(packaged.wouldCancel('file:///etc/passwd')).toBe(true)
    expect(packaged.wouldCancel('app://elsewhere/index.js')).toBe(true)

    resetFakeElectron()
    hardenSession(session.defaultSession as never, devPage)
    const dev = session.defaultSession.webRequest
    expect(dev.wouldCancel('http://localhost:5173/src/main.ts')).toBe(false)
    expect(dev.wouldCancel('ws://localhost:5173/')).toBe(false)
    expect(dev.wouldCancel('http://localhost:9999/')).toBe(true)
    expect(dev.wouldCancel('https://cdn.example/lib.js')).toBe(true)
  })

  it('adds the CSP header to responses', () => {
    hardenSession(session.defaultSession as never, devPage)
    let headers: Record<string, string | string[]> | undefined
    session.defaultSession.webRequest.headersListener!(
      {
        id: 1,
        url: 'http://localhost:5173/',
        method: 'GET',
        resourceType: 'mainFrame',
        referrer: '',
        timestamp: 0,
        statusLine: 'HTTP/1.1 200 OK',
        statusCode: 200,
        responseHeaders: { 'Content-Type': ['text/html'] },
      },
      (response) => (headers = response.responseHeaders),
    )
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [contentSecurityPolicyHeader(devPage)],
    })
    expect(contentSecurityPolicyHeader(devPage)).toContain("frame-ancestors 'none'")
    // Inline styles are a development-only concession (Vite's injected CSS); the built app gets none.
    expect(contentSecurityPolicyHeader(devPage)).toContain("style-src 'self' 'unsafe-inline'")
    expect(contentSecurityPolicyHeader(bundlePage)).not.toContain('unsafe-inline')
  })

  it('the CSP allows scripts from the app only: no inline script, no eval, no remote source', () => {
    const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]))
    expect(directives.get('default-src')).toEqual(["'none'"])
    expect(directives.get('script-src')).toEqual(["'self'"])
    expect(directives.get('object-src')).toEqual(["'none'"])
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|unsafe-/)
  })

  it('the page’s own <meta> CSP is at least as strict where it matters', async () => {
    const html = await readFile(new URL('../../../renderer/index.html', import.meta.url), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    expect(meta, 'renderer/index.html has a CSP meta').toBeDefined()
    const directives = new Map(
      meta!
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    )
    expect(directives.get('script-src')).toEqual(["'self'"])
    expect(directives.get('object-src')).toEqual(["'none'"])
    expect(directives.get('base-uri')).toEqual(["'none'"])
    expect(meta).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/)
  })
})

describe('web contents hardening', () => {
  it('denies navigation away from the app page, new windows and webviews', () => {
    installSecurity(bundlePage)
    const window = new BrowserWindow({})
    const contents = window.webContents
    expect(contents.tryNavigate('https://evil.example/')).toBe(true)
    expect(contents.tryNavigate('https://app.plugchoice.com/')).toBe(true)
    expect(contents.tryNavigate('file:///etc/passwd')).toBe(true)
    expect(contents.tryNavigate(`${pageUrl}#/fleet`)).toBe(false)

    expect(contents.tryOpenWindow('https://evil.example/')).toEqual({ action: 'deny' })
    expect(contents.tryOpenWindow(pageUrl)).toEqual({ action: 'deny' })
    expect(contents.tryAttachWebview({ src: 'https://evil.example/' }).prevented).toBe(true)
    expect(shell.opened).toEqual([])
  })

  it('a Plugchoice link with target=_blank opens in the browser, never in a window of the app', async () => {
    installSecurity(bundlePage)
    const contents = new BrowserWindow({}).webContents
    expect(contents.tryOpenWindow('https://app.plugchoice.com/chargers/9')).toEqual({ action: 'deny' })
    await vi.waitFor(() => expect(shell.opened).toEqual(['https://app.plugchoice.com/chargers/9']))
  })

  it('hardens web contents created later too (e.g. DevTools or a future window)', () => {
    installSecurity(bundlePage)
    const later = new BrowserWindow({})
    expect(app.listenerCount('web-contents-created')).toBe(1)
    expect(later.webContents.windowOpenHandler).not.toBeNull()
  })
})
