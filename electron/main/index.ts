// The Electron main process: wiring only. The app itself is FleetApp (plain Node); the adapters in
// ./electron/ carry its commands, events, tray and notifications to the desktop.
import { join } from 'node:path'
import { app, dialog } from 'electron'
import { APP_ID, PRODUCT_NAME } from './app-identity'
import { openFleetApp } from './core/open-fleet-app'
import { electronPorts } from './electron/electron-ports'
import { forwardEvents, registerCommandHandlers } from './electron/ipc-main-adapter'
import { registerAppScheme, serveAppBundle } from './electron/app-protocol'
import {
  applyStartAtLogin,
  claimSingleInstance,
  closeToTrayHint,
  installAppMenu,
  launchCommand,
  launchedAtLogin,
  QuitController,
  watchWakeAndNetwork,
} from './electron/lifecycle'
import { MainWindow } from './electron/main-window'
import { Notifier, registerNotificationIdentity } from './electron/notifier'
import { installSecurity } from './electron/security'
import { runTrayAction, TrayAdapter } from './electron/tray-adapter'
import { ignoredScriptVariables, scriptEnv } from './script-env'
import { resolveUserDataDir } from './storage/user-data-dir'
import { trayIconPath } from './tray/tray-icon-path'
import { trayView } from './tray/tray-policy'
import { resolveAppPage } from './window/app-page'
import { WindowStateStore } from './window/window-state-store'

// A packaged app ignores PLUGCHOICE_* / PLUGFLEET_* (script-env.ts says why).
const env = scriptEnv(process.env, app.isPackaged)
const ignored = ignoredScriptVariables(process.env, app.isPackaged)
if (ignored.length > 0) console.warn(`[plugfleet] a packaged app ignores ${ignored.join(', ')}`)
// PLUGFLEET_USER_DATA moves everything, Chromium's own data and the single-instance lock included, so a test
// or a second profile never meets the user's running app.
const userDataDir = resolveUserDataDir(app.getPath('userData'), env)
app.setPath('userData', userDataDir)
const demo = process.argv.includes('--demo') || env.PLUGFLEET_DEMO === '1'
// app:// must be privileged before the app is ready; it is served once it is (serveAppBundle below).
registerAppScheme()

let mainWindow: MainWindow | null = null

if (!claimSingleInstance(() => mainWindow?.show())) {
  app.quit()
} else {
  main().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error)
    console.error(`[plugfleet] could not start: ${message}`)
    dialog.showErrorBox(`${PRODUCT_NAME} could not start`, message)
    app.exit(1)
  })
}

async function main(): Promise<void> {
  await app.whenReady()
  const platform = process.platform
  registerNotificationIdentity(platform, APP_ID)
  // Packaged, the tray and window icons are extraResources next to app.asar (electron/build/electron-builder.json5).
  const resourcesDir = app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'electron', 'resources')
  const page = resolveAppPage({
    isPackaged: app.isPackaged,
    devServerUrl: process.env.ELECTRON_RENDERER_URL,
    rendererDir: join(__dirname, '../renderer'),
  })
  installSecurity(page)
  serveAppBundle(page)

  // Settings only: the keychain is asked after the window and the tray are up (fleet.start() below).
  const fleet = await openFleetApp({
    userDataDir,
    env,
    ports: electronPorts(() => mainWindow?.window ?? null),
  })
  const tray = new TrayAdapter({
    iconFor: (image) => trayIconPath(image, platform, resourcesDir),
    platform,
    onAction: (action) =>
      runTrayAction(
        {
          refreshNow: (reason) => fleet.refreshNow(reason),
          pauseNotifications: (until) => fleet.pauseNotifications(until),
          showCharger: (uuid) => fleet.showCharger(uuid),
          showWindow: () => mainWindow?.show(),
          quit: () => quitter.quit(),
        },
        action,
      ),
  })
  const stops: Array<() => void> = []
  const quitter = new QuitController(async () => {
    for (const stop of stops.splice(0)) stop()
    await mainWindow?.persist()
    await fleet.stop()
    tray.destroy()
  })
  quitter.install()
  installAppMenu(platform, { quit: () => quitter.quit() })

  const windowIcon = platform === 'linux' ? join(resourcesDir, 'icons', 'icon-256.png') : undefined
  const notifier = new Notifier({
    ...(windowIcon ? { icon: windowIcon } : {}),
    onClick: (uuid) => {
      mainWindow?.show()
      if (uuid) fleet.showCharger(uuid)
    },
  })

  const window = await MainWindow.create({
    page,
    preloadPath: join(__dirname, '../preload/index.cjs'),
    stateStore: new WindowStateStore(userDataDir),
    startHidden: launchedAtLogin(process.argv, platform),
    isQuitting: () => quitter.isQuitting,
    onFirstCloseToTray: () => notifier.show({ ...closeToTrayHint(platform), chargerUuid: null, silent: true }),
    devTools: !app.isPackaged,
    ...(windowIcon ? { icon: windowIcon } : {}),
  })
  mainWindow = window
  // Commands and events are in place before the page loads: its first request must find a handler.
  stops.push(registerCommandHandlers(window.window, page, fleet.handlers))
  stops.push(forwardEvents(window.window, (event, listener) => fleet.on(event, listener)))

  const renderTray = () => tray.render(trayView(fleet.trayState()))
  renderTray()
  // One line for scripts and the Electron smoke test: the tray exists, and what it says.
  console.log(`[plugfleet] tray ready: ${trayView(fleet.trayState()).tooltip}`)
  stops.push(fleet.on('tray', (state) => tray.render(trayView(state))))
  stops.push(fleet.on('notify', (spec) => notifier.show(spec)))

  // Start at login follows the setting. Only a packaged app registers itself: a development build would
  // register the bare Electron binary.
  const loginItem = {
    platform,
    appId: APP_ID,
    productName: PRODUCT_NAME,
    linuxCommand: launchCommand({
      isPackaged: app.isPackaged,
      execPath: process.execPath,
      appPath: app.getAppPath(),
      env: process.env,
    }),
  }
  let startAtLogin: boolean | null = null
  const syncLoginItem = (enabled: boolean) => {
    if (!app.isPackaged || enabled === startAtLogin) return
    startAtLogin = enabled
    applyStartAtLogin(enabled, loginItem).catch((error: unknown) =>
      console.warn(`[plugfleet] could not change start at login: ${(error as Error).message}`),
    )
  }
  syncLoginItem(fleet.currentSettings().startAtLogin)
  stops.push(fleet.on('settings:changed', (settings) => syncLoginItem(settings.startAtLogin)))

  stops.push(watchWakeAndNetwork((reason) => fleet.refreshNow(reason)))
  // macOS: a click on the Dock icon reopens the window hidden to the tray.
  app.on('activate', () => mainWindow?.show())

  // A keychain can take seconds to answer, or ask to be unlocked: the window and the tray are up meanwhile,
  // and the page's first auth:status waits for the answer.
  await Promise.all([window.load(), fleet.start({ demo })])
}
