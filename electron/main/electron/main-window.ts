// The one app window: locked-down web preferences, no white flash (shown on ready-to-show), size and position
// remembered, and closing hides it to the tray (the app keeps watching the fleet) until the app really quits.
import { BrowserWindow, screen } from 'electron'
import { PRODUCT_NAME } from '../app-identity'
import type { AppPage } from '../window/app-page'
import { MIN_WINDOW_SIZE, placeWindow, type WindowState } from '../window/window-state'
import type { WindowStateStore } from '../window/window-state-store'

export interface MainWindowOptions {
  page: AppPage
  /** The built preload: out/preload/index.cjs. */
  preloadPath: string
  stateStore: WindowStateStore
  /** Launched at login: the window is created (so IPC and events work) but stays hidden. */
  startHidden: boolean
  /** True once the user asked to quit: a close then really closes. */
  isQuitting: () => boolean
  /** The first time a close hides the window instead of quitting: tell the user where the app went. */
  onFirstCloseToTray: () => void
  /** DevTools only for development builds. */
  devTools: boolean
  /** The window icon (Linux and Windows; macOS uses the bundle's). */
  icon?: string
}

/** Saving every pixel of a drag is pointless: the last position after a short quiet spell is kept. */
const SAVE_DELAY_MS = 500

export class MainWindow {
  private state: WindowState
  private saveTimer: NodeJS.Timeout | null = null

  private constructor(
    readonly window: BrowserWindow,
    state: WindowState,
    private readonly options: MainWindowOptions,
  ) {
    this.state = state
  }

  /** Creates the (hidden) window; `load()` then loads the page, once IPC is in place for it. */
  static async create(options: MainWindowOptions): Promise<MainWindow> {
    const state = await options.stateStore.load()
    const workAreas = screen.getAllDisplays().map((display) => display.workArea)
    // The options are written out in this call, not built elsewhere, so that electronegativity (which reads
    // the literal passed to `new BrowserWindow`) sees every security setting.
    const window = new BrowserWindow({
      ...placeWindow(state.bounds, workAreas),
      minWidth: MIN_WINDOW_SIZE.width,
      minHeight: MIN_WINDOW_SIZE.height,
      title: PRODUCT_NAME,
      // Shown on ready-to-show, so the user never sees an empty white window while the renderer boots.
      show: false,
      ...(options.icon ? { icon: options.icon } : {}),
      webPreferences: {
        // electronegativity-justified PRELOAD_JS_CHECK: the preload is sandboxed and context-isolated; it exposes one function per contract command and event subscriptions, nothing of Electron or Node
        preload: options.preloadPath,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        experimentalFeatures: false,
        // A middle click on a link would ask for a new window; the app has no use for auxclick at all.
        disableBlinkFeatures: 'Auxclick',
        navigateOnDragDrop: false,
        safeDialogs: true,
        devTools: options.devTools,
        spellcheck: false,
      },
    })
    const main = new MainWindow(window, state, options)
    main.wire()
    return main
  }

  async load(): Promise<void> {
    // The dev server, or app://bundle/index.html served by the app protocol (never file:).
    await this.window.loadURL(this.options.page.url)
  }

  private wire(): void {
    const { window } = this
    window.once('ready-to-show', () => {
      if (this.options.startHidden) return
      if (this.state.maximized) window.maximize()
      window.show()
    })
    window.on('resize', () => this.scheduleSave())
    window.on('move', () => this.scheduleSave())
    window.on('close', (event) => {
      // Quitting: the quit's clean-up has already saved the state (persist()); let the window go.
      if (this.options.isQuitting()) return
      // Closing the window is not quitting: the tray keeps the fleet glance and notifications alive.
      event.preventDefault()
      window.hide()
      if (!this.state.closeToTrayHintShown) {
        this.state = { ...this.state, closeToTrayHintShown: true }
        this.options.onFirstCloseToTray()
      }
      void this.persist()
    })
    window.on('closed', () => {
      if (this.saveTimer) clearTimeout(this.saveTimer)
    })
  }

  /** Brings the window to the front, from the tray, a notification or a second launch. */
  show(): void {
    const { window } = this
    if (window.isDestroyed()) return
    if (window.isMinimized()) window.restore()
    window.show()
    window.focus()
  }

  isDestroyed(): boolean {
    return this.window.isDestroyed()
  }

  private captureBounds(): void {
    const { window } = this
    if (window.isDestroyed()) return
    // Normal bounds: a maximized window reopens maximized over the size it had before.
    this.state = { ...this.state, bounds: roundRect(window.getNormalBounds()), maximized: window.isMaximized() }
  }

  private scheduleSave(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer)
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null
      void this.persist()
    }, SAVE_DELAY_MS)
    this.saveTimer.unref?.()
  }

  /** Writes the remembered state now, with the window's current bounds (the quit's clean-up calls it). */
  async persist(): Promise<void> {
    this.captureBounds()
    if (this.saveTimer) clearTimeout(this.saveTimer)
    this.saveTimer = null
    try {
      await this.options.stateStore.save(this.state)
    } catch (error) {
      console.warn(`[plugfleet] could not remember the window position: ${(error as Error).message}`)
    }
  }
}

function roundRect(rect: { x: number; y: number; width: number; height: number }) {
  return {
    x: Math.round(rect.x),
    y: Math.round(rect.y),
    width: Math.max(1, Math.round(rect.width)),
    height: Math.max(1, Math.round(rect.height)),
  }
}
