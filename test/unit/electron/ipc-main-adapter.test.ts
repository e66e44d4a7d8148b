import { pathToFileURL } from 'node:url'
import { beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => import('../../fakes/electron'))

import { app, BrowserWindow, FakeWebFrameMain, ipcMain, resetFakeElectron } from '../../fakes/electron'
import { registerAppScheme, serveAppBundle } from '@main/electron/app-protocol'
import { forwardEvents, registerCommandHandlers } from '@main/electron/ipc-main-adapter'
import type { AppCommandHandlers } from '@main/ipc/command-dispatch'
import { EventHub } from '@main/core/event-hub'
import { COMMANDS, EVENTS } from '@shared/ipc-channels'
import { DEFAULT_SETTINGS, type AuthStatus } from '@shared/app-schemas'
import type { EventPayload } from '@shared/ipc-contract'
import type { EventName } from '@shared/ipc-channels'
import { resolveAppPage, type AppPage } from '@main/window/app-page'

const pageUrl = 'app://bundle/index.html'
let page: AppPage

const signedOut: AuthStatus = {
  state: 'signed-out',
  account: null,
  tokenSaved: false,
  keychain: { available: true, reason: null },
  message: null,
}

function handlers(): AppCommandHandlers & { calls: string[] } {
  const calls: string[] = []
  const record =
    <T>(name: string, answer: T) =>
    async (request: unknown) => {
      calls.push(`${name} ${JSON.stringify(request ?? null)}`)
      return answer
    }
  const unused = async () => {
    throw new Error('not used in this test')
  }
  return {
    calls,
    'auth:status': record('auth:status', signedOut),
    'auth:sign-in': record('auth:sign-in', signedOut),
    'auth:sign-out': unused,
    'auth:start-demo': unused,
    'fleet:snapshot': unused,
    'fleet:refresh': unused,
    'fleet:export-csv': unused,
    'settings:get': record('settings:get', DEFAULT_SETTINGS),
    'settings:set': record('settings:set', DEFAULT_SETTINGS),
    'charger:open-in-plugchoice': unused,
  }
}

/** As index.ts does it: app:// privileged before ready, served after, for the app installed in `rendererDir`. */
async function servePage(rendererDir = '/opt/fleet/resources/app.asar/out/renderer') {
  registerAppScheme()
  await app.whenReady()
  page = resolveAppPage({ isPackaged: true, devServerUrl: undefined, rendererDir })
  serveAppBundle(page)
}

async function setup() {
  await servePage()
  const window = new BrowserWindow({})
  await window.loadURL(page.url)
  const h = handlers()
  registerCommandHandlers(window as never, page, h)
  return { window, h, contents: window.webContents, main: window.webContents.mainFrame }
}

beforeEach(() => resetFakeElectron())

describe('IPC commands', () => {
  it('registers exactly one handler per command of the contract, nothing else', async () => {
    await setup()
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...COMMANDS].sort())
  })

  it('answers the app page with the handler’s result', async () => {
    const { contents, main, h } = await setup()
    expect(main.url).toBe(pageUrl)
    await expect(ipcMain.invokeFrom(contents, main, 'auth:sign-in', { token: 'pc-token' })).resolves.toEqual({
      ok: true,
      data: signedOut,
    })
    await expect(ipcMain.invokeFrom(contents, main, 'settings:get')).resolves.toEqual({
      ok: true,
      data: DEFAULT_SETTINGS,
    })
    expect(h.calls).toEqual(['auth:sign-in {"token":"pc-token"}', 'settings:get null'])
  })

  it.each([
    ['a wrong type', 'settings:set', { pollIntervalSec: 'fast' }],
    ['below the minimum', 'settings:set', { pollIntervalSec: 1 }],
    ['an unknown field', 'settings:set', { pollIntervalSec: 60, evil: true }],
    ['a payload where none is expected', 'auth:status', { anything: 1 }],
    ['a missing token', 'auth:sign-in', {}],
  ])('refuses %s as invalid-request without calling the handler', async (_what, channel, payload) => {
    const { contents, main, h } = await setup()
    const result = (await ipcMain.invokeFrom(contents, main, channel, payload)) as {
      ok: boolean
      error: { code: string; message: string }
    }
    expect(result.ok).toBe(false)
    expect(result.error.code).toBe('invalid-request')
    expect(result.error.message).toContain(channel)
    expect(h.calls).toEqual([])
  })

  it.each([
    [
      'a lower-case drive letter',
      'c:\\Users\\installer\\AppData\\Local\\Programs\\plugchoice-fleet\\resources\\app.asar\\out\\renderer',
    ],
    ['spaces and non-ASCII letters', 'D:\\Programme\\Zoë Müller\\Plugchoice Fleet\\resources\\app.asar\\out\\renderer'],
    ['a macOS bundle', '/Applications/Plugchoice Fleet.app/Contents/Resources/app.asar/out/renderer'],
  ])('answers the app’s window wherever the app is installed: %s', async (_where, rendererDir) => {
    await servePage(rendererDir)
    const window = new BrowserWindow({})
    await window.loadURL(page.url)
    registerCommandHandlers(window as never, page, handlers())
    const main = window.webContents.mainFrame
    await expect(ipcMain.invokeFrom(window.webContents, main, 'auth:status')).resolves.toMatchObject({ ok: true })
  })

  it('the old file: page was refused from a lower-case drive: Chromium upper-cases it, pathToFileURL does not', async () => {
    // The reason for app://: a file: page's URL is the install path, canonicalised by Chromium's rules.
    const window = new BrowserWindow({})
    await window.loadFile('c:\\Program Files\\Plugchoice Fleet\\resources\\app.asar\\out\\renderer\\index.html')
    expect(window.webContents.mainFrame.url).toBe(
      'file:///C:/Program%20Files/Plugchoice%20Fleet/resources/app.asar/out/renderer/index.html',
    )
    expect(pathToFileURL('c:\\Program Files\\x', { windows: true }).href.startsWith('file:///c:')).toBe(true)
  })

  it('refuses a request from an iframe inside the window', async () => {
    const { contents, main, h } = await setup()
    const iframe = new FakeWebFrameMain(pageUrl, main)
    await expect(ipcMain.invokeFrom(contents, iframe, 'auth:status')).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    })
    expect(h.calls).toEqual([])
  })

  it('refuses a request from another frame that claims the same URL', async () => {
    const { contents, h } = await setup()
    const impostor = new FakeWebFrameMain(pageUrl)
    await expect(ipcMain.invokeFrom(contents, impostor, 'auth:status')).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    })
    expect(h.calls).toEqual([])
  })

  it('refuses a request from another window', async () => {
    const { h } = await setup()
    const other = new BrowserWindow({})
    await other.loadURL(pageUrl)
    await expect(
      ipcMain.invokeFrom(other.webContents, other.webContents.mainFrame, 'auth:status'),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    })
    expect(h.calls).toEqual([])
  })

  it('refuses the main frame once it shows a foreign page', async () => {
    const { contents, main, h } = await setup()
    main.url = 'https://evil.example/'
    await expect(ipcMain.invokeFrom(contents, main, 'auth:status')).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    })
    expect(h.calls).toEqual([])
  })

  it('refuses a request with no sender frame (the frame navigated or was destroyed)', async () => {
    const { contents, h } = await setup()
    await expect(ipcMain.invokeFrom(contents, null, 'auth:status')).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    })
    expect(h.calls).toEqual([])
  })

  it('has no handler at all for an unknown channel', async () => {
    const { contents, main } = await setup()
    await expect(ipcMain.invokeFrom(contents, main, 'fs:read-file', '/etc/passwd')).rejects.toThrow(
      /No handler registered/,
    )
  })

  it('can be unregistered', async () => {
    await servePage()
    const window = new BrowserWindow({})
    const unregister = registerCommandHandlers(window as never, page, handlers())
    unregister()
    expect(ipcMain.handlers.size).toBe(0)
  })
})

describe('IPC events', () => {
  type Events = { [E in EventName]: EventPayload<E> }

  it('forwards every renderer event to the window, and stops when unsubscribed', () => {
    const window = new BrowserWindow({})
    const hub = new EventHub<Events>()
    const stop = forwardEvents(window as never, (event, listener) => hub.on(event, listener))
    hub.emit('ui:show-charger', { uuid: 'c-1' })
    hub.emit('settings:changed', DEFAULT_SETTINGS)
    expect(window.webContents.sent).toEqual([
      { channel: 'ui:show-charger', args: [{ uuid: 'c-1' }] },
      { channel: 'settings:changed', args: [DEFAULT_SETTINGS] },
    ])
    stop()
    hub.emit('ui:show-charger', { uuid: 'c-2' })
    expect(window.webContents.sent).toHaveLength(2)
  })

  it('subscribes to each event of the contract', () => {
    const window = new BrowserWindow({})
    const subscribed: string[] = []
    forwardEvents(window as never, (event) => {
      subscribed.push(event)
      return () => {}
    })
    expect(subscribed.sort()).toEqual([...EVENTS].sort())
  })

  it('a destroyed window is skipped, not an error', () => {
    const window = new BrowserWindow({})
    const hub = new EventHub<Events>()
    forwardEvents(window as never, (event, listener) => hub.on(event, listener))
    window.destroy()
    expect(() => hub.emit('ui:show-charger', { uuid: 'c-1' })).not.toThrow()
    expect(window.webContents.sent).toEqual([])
  })
})
