// electron/main/index.ts with the real app core on the demo fleet (simulated Plugchoice API over real HTTP)
// and the fake `electron`: the closest this machine gets to starting the app. It checks the wiring a user
// would notice first: a window on the built page, commands answered, events delivered, the tray up, close to
// tray with its hint, a second launch showing the window, and Quit stopping everything.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => import('../../fakes/electron'))

import {
  app,
  BrowserWindow,
  dialog,
  FakeMenu,
  FakeNotification,
  FakeTray,
  ipcMain,
  protocol,
  resetFakeElectron,
} from '../../fakes/electron'
import { COMMANDS } from '@shared/ipc-channels'

let userData: string
let window: InstanceType<typeof BrowserWindow>
const saved = { ...process.env }

beforeAll(async () => {
  resetFakeElectron()
  userData = await mkdtemp(join(tmpdir(), 'plugfleet-main-'))
  process.env.PLUGFLEET_USER_DATA = userData
  process.env.PLUGFLEET_DEMO = '1'
  // Never the keychain entry of a real installation (the demo needs no token anyway).
  process.env.PLUGFLEET_KEYCHAIN_SERVICE = `plugchoice-fleet-test-${randomBytes(4).toString('hex')}`
  delete process.env.ELECTRON_RENDERER_URL
  vi.spyOn(console, 'log').mockImplementation(() => {})
  await import('@main/index')
  // Loaded: the page came through the app:// handler (404 here: the sources have no built renderer beside them).
  await vi.waitFor(() => expect(BrowserWindow.instances[0]?.webContents.loadedStatus).toBeTypeOf('number'), {
    timeout: 20_000,
  })
  window = BrowserWindow.instances[0]!
}, 30_000)

afterAll(async () => {
  // Quit if a test did not: stops the demo API server and polling.
  if (app.listenerCount('will-quit') === 0) app.quit()
  process.env = saved
  await rm(userData, { recursive: true, force: true })
})

async function invoke(channel: string, payload?: unknown) {
  return ipcMain.invokeFrom(window.webContents, window.webContents.mainFrame, channel, payload) as Promise<{
    ok: boolean
    data?: any
    error?: { code: string }
  }>
}

describe('the Electron main process, wired', () => {
  it('uses PLUGFLEET_USER_DATA for everything', () => {
    expect(app.getPath('userData')).toBe(userData)
    expect(dialog.errorBoxes).toEqual([])
  })

  it('loads the built page into a locked-down window, with the built preload', () => {
    // Paths are relative to main's own folder: out/main → out/renderer and out/preload once built.
    expect(window.webContents.loaded).toEqual({ url: 'app://bundle/index.html' })
    // app:// was privileged before ready and is handled now: the page is the app's own, never a file: URL.
    expect(protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ])
    expect(protocol.isProtocolHandled('app')).toBe(true)
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    })
    expect(window.options.webPreferences!.preload).toMatch(/[\\/]preload[\\/]index\.cjs$/)
  })

  it('answers every command of the contract from the page, and starts on the demo fleet', async () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...COMMANDS].sort())
    await expect(invoke('auth:status')).resolves.toMatchObject({ ok: true, data: { state: 'demo' } })
    await vi.waitFor(
      async () => {
        const snapshot = await invoke('fleet:snapshot')
        expect(snapshot.data.chargers.length).toBeGreaterThan(0)
      },
      { timeout: 20_000 },
    )
  })

  it('pushes events to the window', async () => {
    await invoke('settings:set', { pollIntervalSec: 120 })
    await vi.waitFor(() => expect(window.webContents.sent.map((m) => m.channel)).toContain('settings:changed'))
  })

  it('puts the fleet in the tray, with everything in its menu', async () => {
    expect(FakeTray.instances).toHaveLength(1)
    const tray = FakeTray.instances[0]!
    await vi.waitFor(() => expect(tray.toolTip).toMatch(/^Plugchoice Fleet \(demo\)/))
    expect(tray.contextMenu!.find('Quit')).toBeDefined()
    expect(tray.contextMenu!.find('Open Plugchoice Fleet')).toBeDefined()
    expect(FakeMenu.applicationMenu).not.toBeNull()
  })

  it('closing hides to the tray and says so once; a second launch brings the window back', () => {
    window.emit('ready-to-show')
    expect(window.isVisible()).toBe(true)
    window.close()
    expect(window.isDestroyed()).toBe(false)
    expect(window.isVisible()).toBe(false)
    expect(FakeNotification.instances.map((n) => n.title)).toContain('Plugchoice Fleet is still running')
    app.launchSecondInstance(['plugchoice-fleet'])
    expect(window.isVisible()).toBe(true)
    expect(window.focused).toBe(true)
  })

  it('the tray opens the window on a charger', async () => {
    window.hide()
    const tray = FakeTray.instances[0]!
    tray.contextMenu!.click('Open Plugchoice Fleet')
    expect(window.isVisible()).toBe(true)
  })

  it('Quit in the tray stops the app core and quits', async () => {
    let quit = false
    app.on('will-quit', () => (quit = true))
    FakeTray.instances[0]!.contextMenu!.click('Quit')
    await vi.waitFor(() => expect(quit).toBe(true), { timeout: 10_000 })
    expect(FakeTray.instances[0]!.isDestroyed()).toBe(true)
    // After quitting, the commands are gone: nothing answers a late request.
    expect(ipcMain.handlers.size).toBe(0)
    window.close()
    expect(window.isDestroyed()).toBe(true)
  })
})
