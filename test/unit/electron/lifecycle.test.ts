import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => import('../../fakes/electron'))

import { app, BrowserWindow, FakeMenu, net, powerMonitor, resetFakeElectron } from '../../fakes/electron'
import {
  appMenuTemplate,
  applyStartAtLogin,
  claimSingleInstance,
  closeToTrayHint,
  HIDDEN_ARG,
  installAppMenu,
  launchCommand,
  launchedAtLogin,
  QuitController,
  watchWakeAndNetwork,
} from '@main/electron/lifecycle'

beforeEach(() => resetFakeElectron())
afterEach(() => vi.useRealTimers())

describe('single instance', () => {
  it('a second launch brings the first instance’s window to the front', () => {
    const window = new BrowserWindow({ show: false })
    const launches: string[][] = []
    expect(
      claimSingleInstance((argv) => {
        launches.push(argv)
        window.show()
      }),
    ).toBe(true)
    app.launchSecondInstance(['/usr/bin/plugchoice-fleet'])
    expect(launches).toEqual([['/usr/bin/plugchoice-fleet']])
    expect(window.isVisible()).toBe(true)
    expect(window.focused).toBe(true)
  })

  it('the second instance is told to quit', () => {
    app.singleInstanceLockAvailable = false
    const launches: string[][] = []
    expect(claimSingleInstance((argv) => launches.push(argv))).toBe(false)
    expect(app.listenerCount('second-instance')).toBe(0)
  })
})

describe('start at login', () => {
  it('knows a login launch: --hidden on Windows and Linux, the login-item flag on macOS', () => {
    expect(launchedAtLogin(['/app', HIDDEN_ARG], 'win32')).toBe(true)
    expect(launchedAtLogin(['/app', HIDDEN_ARG], 'linux')).toBe(true)
    expect(launchedAtLogin(['/app'], 'linux')).toBe(false)
    expect(launchedAtLogin(['/app'], 'darwin')).toBe(false)
    app.wasOpenedAtLogin = true
    expect(launchedAtLogin(['/app'], 'darwin')).toBe(true)
  })

  const common = {
    appId: 'com.plugchoice.fleet',
    productName: 'Plugchoice Fleet',
    linuxCommand: ['/usr/bin/plugchoice-fleet', HIDDEN_ARG],
  }

  it('Windows: a login item that launches hidden', async () => {
    await applyStartAtLogin(true, { ...common, platform: 'win32' })
    expect(app.loginItem).toEqual({ openAtLogin: true, args: [HIDDEN_ARG] })
    await applyStartAtLogin(false, { ...common, platform: 'win32' })
    expect(app.getLoginItemSettings().openAtLogin).toBe(false)
  })

  it('macOS: a login item', async () => {
    await applyStartAtLogin(true, { ...common, platform: 'darwin' })
    expect(app.getLoginItemSettings().openAtLogin).toBe(true)
    await applyStartAtLogin(false, { ...common, platform: 'darwin' })
    expect(app.getLoginItemSettings().openAtLogin).toBe(false)
  })

  it('Linux: an autostart entry is written and removed', async () => {
    const root = await mkdtemp(join(tmpdir(), 'plugfleet-login-'))
    try {
      const env = { XDG_CONFIG_HOME: join(root, 'config') }
      const file = join(root, 'config', 'autostart', 'com.plugchoice.fleet.desktop')
      await applyStartAtLogin(true, { ...common, platform: 'linux', env })
      expect(await readFile(file, 'utf8')).toMatch(/^Exec=\/usr\/bin\/plugchoice-fleet --hidden$/m)
      expect(app.loginItem).toEqual({})
      await applyStartAtLogin(false, { ...common, platform: 'linux', env })
      await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' })
    } finally {
      await rm(root, { recursive: true, force: true })
    }
  })

  it('relaunches the AppImage file itself, not its temporary mount', () => {
    expect(
      launchCommand({
        isPackaged: true,
        execPath: '/tmp/.mount_abc/plugchoice-fleet',
        appPath: '/x',
        env: { APPIMAGE: '/home/a/Fleet.AppImage' },
      }),
    ).toEqual(['/home/a/Fleet.AppImage', HIDDEN_ARG])
    expect(
      launchCommand({ isPackaged: true, execPath: '/opt/Plugchoice Fleet/plugchoice-fleet', appPath: '/x', env: {} }),
    ).toEqual(['/opt/Plugchoice Fleet/plugchoice-fleet', HIDDEN_ARG])
    expect(
      launchCommand({
        isPackaged: false,
        execPath: '/repo/node_modules/electron/dist/electron',
        appPath: '/repo',
        env: {},
      }),
    ).toEqual(['/repo/node_modules/electron/dist/electron', '/repo', HIDDEN_ARG])
  })
})

describe('refresh on wake and on network return', () => {
  it('refreshes when the machine wakes', () => {
    const reasons: string[] = []
    const stop = watchWakeAndNetwork((reason) => reasons.push(reason))
    powerMonitor.emit('resume')
    expect(reasons).toEqual(['resume'])
    stop()
    powerMonitor.emit('resume')
    expect(reasons).toEqual(['resume'])
  })

  it('refreshes once when the network comes back, not while it stays up or down', () => {
    vi.useFakeTimers()
    const reasons: string[] = []
    const stop = watchWakeAndNetwork((reason) => reasons.push(reason), { onlinePollMs: 1_000 })
    vi.advanceTimersByTime(3_000)
    expect(reasons).toEqual([])
    net.online = false
    vi.advanceTimersByTime(3_000)
    expect(reasons).toEqual([])
    net.online = true
    vi.advanceTimersByTime(3_000)
    expect(reasons).toEqual(['network'])
    stop()
    net.online = false
    vi.advanceTimersByTime(1_000)
    net.online = true
    vi.advanceTimersByTime(1_000)
    expect(reasons).toEqual(['network'])
  })
})

describe('quitting', () => {
  it('runs the clean-up once, then really quits; windows may close meanwhile', async () => {
    let cleanups = 0
    const quitter = new QuitController(async () => {
      cleanups++
    })
    quitter.install()
    let willQuit = 0
    app.on('will-quit', () => willQuit++)
    expect(quitter.isQuitting).toBe(false)
    quitter.quit()
    expect(quitter.isQuitting).toBe(true)
    expect(willQuit).toBe(0)
    await vi.waitFor(() => expect(willQuit).toBe(1))
    expect(cleanups).toBe(1)
  })

  it('a failing clean-up does not keep the app alive', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const quitter = new QuitController(async () => {
      throw new Error('keychain locked')
    })
    quitter.install()
    let willQuit = 0
    app.on('will-quit', () => willQuit++)
    quitter.quit()
    await vi.waitFor(() => expect(willQuit).toBe(1))
    warn.mockRestore()
  })

  it('a stuck clean-up is abandoned after its limit', async () => {
    vi.useFakeTimers()
    const quitter = new QuitController(() => new Promise(() => {}), 5_000)
    quitter.install()
    let willQuit = 0
    app.on('will-quit', () => willQuit++)
    quitter.quit()
    await vi.advanceTimersByTimeAsync(5_000)
    expect(willQuit).toBe(1)
  })
})

describe('app menu', () => {
  it('Windows and Linux: File > Quit quits', () => {
    let quits = 0
    installAppMenu('linux', { quit: () => quits++ })
    FakeMenu.applicationMenu!.click('&File', 'Quit Plugchoice Fleet')
    expect(quits).toBe(1)
    expect(FakeMenu.applicationMenu!.find('&File', 'Quit Plugchoice Fleet')).toMatchObject({
      accelerator: 'CmdOrCtrl+Q',
    })
  })

  it('macOS: the standard app menu (which holds Quit), Edit and Window menus', () => {
    expect(appMenuTemplate('darwin', { quit: () => {} }).map((item) => item.role)).toEqual([
      'appMenu',
      'editMenu',
      'windowMenu',
    ])
  })
})

describe('the close-to-tray hint', () => {
  it.each(['linux', 'win32'] as const)(
    '%s: names the File menu entry that quits, which every desktop shows',
    (platform) => {
      const hint = closeToTrayHint(platform)
      expect(hint.title).toBe('Plugchoice Fleet is still running')
      // Stock GNOME has no tray icon: the hint must not send the user to one.
      expect(hint.body).not.toMatch(/tray/i)
      const entry = /File > (.+?) \(Ctrl\+Q\)/.exec(hint.body)?.[1]
      expect(entry).toBeDefined()
      installAppMenu(platform, { quit: () => {} })
      expect(FakeMenu.applicationMenu!.find('&File', entry!)).toMatchObject({ accelerator: 'CmdOrCtrl+Q' })
    },
  )

  it('macOS: names the app menu’s Quit', () => {
    const hint = closeToTrayHint('darwin')
    expect(hint.body).toContain('Plugchoice Fleet > Quit Plugchoice Fleet (Cmd+Q)')
    expect(appMenuTemplate('darwin', { quit: () => {} })[0]).toEqual({ role: 'appMenu' })
  })
})
