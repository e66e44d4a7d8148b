// The app's life on the desktop: one instance, an app menu with Quit, quitting cleanly (the core stops and the
// window remembers where it was), start at login, and a refresh when the machine wakes or the network returns.
import { app, Menu, net, powerMonitor, type MenuItemConstructorOptions } from 'electron'
import { PRODUCT_NAME } from '../app-identity'
import { disableLinuxAutostart, enableLinuxAutostart } from '../autostart/linux-autostart'

/** On the command line of a launch at login (Windows login item, Linux autostart entry): start in the tray. */
export const HIDDEN_ARG = '--hidden'

/**
 * Takes the single-instance lock. False: another instance runs (it has been told, and shows its window); the
 * caller must quit at once. True: later launches call `onSecondLaunch` here with their command line.
 */
export function claimSingleInstance(onSecondLaunch: (argv: string[]) => void): boolean {
  if (!app.requestSingleInstanceLock()) return false
  app.on('second-instance', (_event, argv) => onSecondLaunch(argv))
  return true
}

/** Started by the login item / autostart entry: the window stays hidden and the app lives in the tray. */
export function launchedAtLogin(argv: readonly string[], platform: NodeJS.Platform): boolean {
  if (argv.includes(HIDDEN_ARG)) return true
  // macOS login items take no arguments; the system says instead whether this launch came from one.
  return platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin
}

/** The app menu's Quit entry outside macOS; the close-to-tray hint names it, so the two cannot drift apart. */
export const QUIT_MENU_LABEL = `Quit ${PRODUCT_NAME}`

/**
 * Said the first time a close hides the window. It names a menu entry that always exists: stock GNOME shows no
 * tray icon at all, so "quit it from the tray" would point at nothing there. Opening the app again (launcher,
 * Dock, Start menu) brings the window back with its menu.
 */
export function closeToTrayHint(platform: NodeJS.Platform): { title: string; body: string } {
  const title = `${PRODUCT_NAME} is still running`
  if (platform === 'darwin') {
    // The app menu (role appMenu) is named after the app and always holds "Quit <name>".
    return {
      title,
      body: `It keeps watching your chargers. To quit, choose ${PRODUCT_NAME} > Quit ${PRODUCT_NAME} (Cmd+Q).`,
    }
  }
  return {
    title,
    body: `It keeps watching your chargers. To quit, open it again and choose File > ${QUIT_MENU_LABEL} (Ctrl+Q).`,
  }
}

/** The standard macOS menus (with Quit in the app menu); elsewhere a File menu with Quit, and Edit for shortcuts. */
export function appMenuTemplate(
  platform: NodeJS.Platform,
  actions: { quit: () => void },
): MenuItemConstructorOptions[] {
  if (platform === 'darwin') {
    return [{ role: 'appMenu' }, { role: 'editMenu' }, { role: 'windowMenu' }]
  }
  return [
    {
      label: '&File',
      submenu: [
        { label: 'Close Window', accelerator: 'CmdOrCtrl+W', role: 'close' },
        { type: 'separator' },
        { label: QUIT_MENU_LABEL, accelerator: 'CmdOrCtrl+Q', click: () => actions.quit() },
      ],
    },
    { role: 'editMenu' },
  ]
}

export function installAppMenu(platform: NodeJS.Platform, actions: { quit: () => void }): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(platform, actions)))
}

/**
 * Quitting for real (tray Quit, app menu, Cmd+Q, a logout): the first `before-quit` is held until `cleanup`
 * has finished (bounded, so a stuck cleanup never keeps the app alive), then the quit goes on. Until then a
 * closed window only hides to the tray.
 */
export class QuitController {
  private state: 'running' | 'cleaning' | 'done' = 'running'

  constructor(
    private readonly cleanup: () => Promise<void>,
    private readonly cleanupLimitMs = 5_000,
  ) {}

  get isQuitting(): boolean {
    return this.state !== 'running'
  }

  install(): void {
    app.on('before-quit', (event) => {
      if (this.state === 'done') return
      event.preventDefault()
      if (this.state === 'cleaning') return
      this.state = 'cleaning'
      void this.finish()
    })
  }

  quit(): void {
    app.quit()
  }

  private async finish(): Promise<void> {
    let timer: NodeJS.Timeout | undefined
    try {
      await Promise.race([
        this.cleanup(),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, this.cleanupLimitMs)
        }),
      ])
    } catch (error) {
      console.warn(`[plugfleet] clean-up before quitting failed: ${(error as Error).message}`)
    } finally {
      clearTimeout(timer)
    }
    this.state = 'done'
    app.quit()
  }
}

export interface LoginItemOptions {
  platform: NodeJS.Platform
  appId: string
  productName: string
  /** What a Linux autostart entry runs (launchCommand()). */
  linuxCommand: readonly string[]
  env?: NodeJS.ProcessEnv
  home?: string
}

/** The command that relaunches this app at login, hidden. */
export function launchCommand(options: {
  isPackaged: boolean
  execPath: string
  appPath: string
  env: NodeJS.ProcessEnv
}): string[] {
  // An AppImage runs from a temporary mount whose path changes every launch; APPIMAGE is the file itself.
  const executable = (options.isPackaged && options.env.APPIMAGE) || options.execPath
  // Unpackaged (development), the Electron binary needs the app's folder to know what to run.
  return options.isPackaged ? [executable, HIDDEN_ARG] : [executable, options.appPath, HIDDEN_ARG]
}

/** Start at login, as the setting says: macOS/Windows login items, a freedesktop autostart entry on Linux. */
export async function applyStartAtLogin(enabled: boolean, options: LoginItemOptions): Promise<void> {
  switch (options.platform) {
    case 'darwin':
      app.setLoginItemSettings({ openAtLogin: enabled })
      return
    case 'win32':
      // The run key launches the same executable with --hidden, so a login launch starts in the tray.
      app.setLoginItemSettings({ openAtLogin: enabled, args: [HIDDEN_ARG] })
      return
    default:
      if (enabled) {
        await enableLinuxAutostart(
          {
            appId: options.appId,
            name: options.productName,
            comment: 'Keeps an eye on your Plugchoice chargers from the tray',
            command: options.linuxCommand,
          },
          options.env,
          options.home,
        )
      } else {
        await disableLinuxAutostart(options.appId, options.env, options.home)
      }
  }
}

export interface WakeWatchOptions {
  /**
   * How often to look at `net.isOnline()`. Electron's main process has no online/offline event (only the
   * renderer's navigator.onLine has one, and a hidden, throttled window is a poor place to listen), while
   * net.isOnline() only reads Chromium's cached connection state: polling it every few seconds costs nothing.
   */
  onlinePollMs?: number
}

/** Calls `refresh` when the machine wakes from sleep and when the network comes back; returns the stop. */
export function watchWakeAndNetwork(
  refresh: (reason: 'resume' | 'network') => void,
  options: WakeWatchOptions = {},
): () => void {
  const onResume = () => refresh('resume')
  powerMonitor.on('resume', onResume)
  let online = net.isOnline()
  const timer = setInterval(() => {
    const now = net.isOnline()
    if (now && !online) refresh('network')
    online = now
  }, options.onlinePollMs ?? 5_000)
  timer.unref?.()
  return () => {
    powerMonitor.off('resume', onResume)
    clearInterval(timer)
  }
}
