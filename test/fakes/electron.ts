// A faithful, small stand-in for the `electron` module: no Electron binary exists on these machines, so the
// adapters under electron/main/electron/ and the preload are unit-tested against this through
// `vi.mock('electron', () => import('../../fakes/electron'))`.
//
// It cannot drift from the real API's shapes: every fake class declares `implements Pick<Electron.X, ...>` over
// the members it offers, constructors are checked against the real constructor parameters, and the module's
// exports are checked against `typeof import('electron')` at the bottom. What the fake adds for tests (recorded
// calls, ways to fire events) lives in fields prefixed with nothing special but never named like a real member.
import { EventEmitter } from 'node:events'
import type * as Electron from 'electron'
import { FakeProtocol } from './electron-protocol'

type ElectronModule = typeof import('electron')

/** An Electron `Event`: listeners call preventDefault(); tests read whether they did. */
export function fakeEvent<P extends object = object>(params?: P): Electron.Event<P> {
  let prevented = false
  const event = {
    preventDefault: () => {
      prevented = true
    },
    get defaultPrevented() {
      return prevented
    },
    ...(params ?? {}),
  }
  return event as Electron.Event<P>
}

let nextId = 1

// ---------------------------------------------------------------------------------------------------------------
// Frames, web contents, sessions

export class FakeWebFrameMain
  extends EventEmitter
  implements Pick<Electron.WebFrameMain, 'url' | 'origin' | 'processId' | 'routingId' | 'frameToken' | 'isDestroyed'>
{
  url: string
  processId: number
  routingId: number
  frameToken: string
  /** Null for a top-level frame, as in Electron. */
  parent: FakeWebFrameMain | null

  constructor(url: string, parent: FakeWebFrameMain | null = null) {
    super()
    this.url = url
    this.parent = parent
    this.processId = 100 + nextId
    this.routingId = nextId
    this.frameToken = `frame-token-${nextId++}`
  }

  get origin(): string {
    try {
      return new URL(this.url).origin
    } catch {
      return 'null'
    }
  }

  isDestroyed(): boolean {
    return false
  }
}

type PermissionRequestHandler = Parameters<Electron.Session['setPermissionRequestHandler']>[0]
type PermissionCheckHandler = Parameters<Electron.Session['setPermissionCheckHandler']>[0]
type HeadersListener = Parameters<Electron.WebRequest['onHeadersReceived']>[0]
type BeforeRequestListener = Parameters<Electron.WebRequest['onBeforeRequest']>[0]

export class FakeWebRequest {
  headersListener: HeadersListener | null = null
  beforeRequestListener: BeforeRequestListener | null = null

  onBeforeRequest(listener: BeforeRequestListener | null): void {
    this.beforeRequestListener = listener
  }

  /** Runs a request through the listener as Electron would; true when it was cancelled. */
  wouldCancel(url: string): boolean {
    let cancelled = false
    this.beforeRequestListener?.(
      { id: 1, url, method: 'GET', resourceType: 'xhr', referrer: '', timestamp: 0, uploadData: [] },
      (response) => {
        cancelled = response.cancel === true
      },
    )
    return cancelled
  }

  onHeadersReceived(listener: HeadersListener | null): void {
    this.headersListener = listener
  }
}

export class FakeSession
  extends EventEmitter
  implements Pick<Electron.Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>
{
  permissionRequestHandler: PermissionRequestHandler = null
  permissionCheckHandler: PermissionCheckHandler = null
  readonly webRequest = new FakeWebRequest()

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandler = handler
  }
}

type WindowOpenHandler = Parameters<Electron.WebContents['setWindowOpenHandler']>[0]

export class FakeWebContents
  extends EventEmitter
  implements
    Pick<
      Electron.WebContents,
      'id' | 'send' | 'getURL' | 'isDestroyed' | 'loadURL' | 'loadFile' | 'setWindowOpenHandler'
    >
{
  readonly id = nextId++
  mainFrame: FakeWebFrameMain
  session: FakeSession
  /** Every `send(channel, ...args)`, in order. */
  readonly sent: Array<{ channel: string; args: unknown[] }> = []
  windowOpenHandler: WindowOpenHandler | null = null
  loaded: { url: string } | { file: string } | null = null
  /** The status the app's protocol handler answered for the page, when the page came from one. */
  loadedStatus: number | null = null
  destroyed = false

  constructor(session: FakeSession) {
    super()
    this.session = session
    this.mainFrame = new FakeWebFrameMain('about:blank')
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed')
    this.sent.push({ channel, args })
  }

  getURL(): string {
    return this.mainFrame.url
  }

  isDestroyed(): boolean {
    return this.destroyed
  }

  async loadURL(url: string): Promise<void> {
    this.loaded = { url }
    await this.navigate(url)
  }

  async loadFile(filePath: string): Promise<void> {
    this.loaded = { file: filePath }
    await this.navigate(`file://${filePath.startsWith('/') ? '' : '/'}${filePath.replaceAll('\\', '/')}`)
  }

  /** Like Chromium: the frame's URL is the canonical one; a custom scheme loads only through its handler. */
  private async navigate(url: string): Promise<void> {
    const canonical = protocol.canonical(url)
    if (!FakeProtocol.isBuiltIn(canonical)) {
      // Electron rejects loadURL with the net error, in this form.
      if (!protocol.isProtocolHandled(canonical.slice(0, canonical.indexOf(':'))))
        throw new Error(`ERR_UNKNOWN_URL_SCHEME (-302) loading '${url}'`)
      this.loadedStatus = (await protocol.request(canonical)).status
    }
    this.mainFrame.url = canonical
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler
  }

  // --- test helpers ---
  /** What the page would get from `window.open(url)`. */
  tryOpenWindow(url: string): Electron.WindowOpenHandlerResponse {
    if (!this.windowOpenHandler) return { action: 'allow' }
    return this.windowOpenHandler({
      url,
      frameName: '',
      features: '',
      disposition: 'new-window',
      referrer: { url: this.getURL(), policy: 'strict-origin-when-cross-origin' },
    })
  }

  /** Emits `will-navigate` as Electron does; true when a listener prevented it. */
  tryNavigate(url: string): boolean {
    const event = fakeEvent({
      url,
      isSameDocument: false,
      isMainFrame: true,
      frame: this.mainFrame,
      initiator: this.mainFrame,
    })
    this.emit('will-navigate', event, url, false, true, this.mainFrame.processId, this.mainFrame.routingId)
    return event.defaultPrevented
  }

  /** Emits `will-attach-webview`; true when a listener prevented it. */
  tryAttachWebview(params: Record<string, string>): { prevented: boolean; webPreferences: Electron.WebPreferences } {
    const event = fakeEvent()
    const webPreferences: Electron.WebPreferences = { nodeIntegration: true, preload: '/tmp/evil.js' }
    this.emit('will-attach-webview', event, webPreferences, params)
    return { prevented: event.defaultPrevented, webPreferences }
  }
}

export const session = {
  defaultSession: new FakeSession(),
} satisfies Pick<Record<keyof ElectronModule['session'], unknown>, 'defaultSession'>

export const protocol = new FakeProtocol(() => app.isReady())

// ---------------------------------------------------------------------------------------------------------------
// Windows

export class FakeBrowserWindow
  extends EventEmitter
  implements
    Pick<
      Electron.BrowserWindow,
      | 'show'
      | 'showInactive'
      | 'hide'
      | 'focus'
      | 'restore'
      | 'isMinimized'
      | 'isVisible'
      | 'isDestroyed'
      | 'isMaximized'
      | 'maximize'
      | 'getBounds'
      | 'setBounds'
      | 'getNormalBounds'
      | 'loadURL'
      | 'loadFile'
      | 'close'
      | 'destroy'
      | 'moveTop'
    >
{
  static readonly instances: FakeBrowserWindow[] = []
  readonly options: Electron.BrowserWindowConstructorOptions
  readonly webContents: FakeWebContents
  visible: boolean
  focused = false
  minimized = false
  maximized = false
  destroyed = false
  bounds: Electron.Rectangle
  /** Every call that changes what the user sees, in order ('show', 'focus', 'hide', ...). */
  readonly calls: string[] = []

  constructor(options?: Electron.BrowserWindowConstructorOptions) {
    super()
    this.options = options ?? {}
    this.visible = this.options.show ?? true
    this.bounds = {
      x: this.options.x ?? 0,
      y: this.options.y ?? 0,
      width: this.options.width ?? 800,
      height: this.options.height ?? 600,
    }
    this.webContents = new FakeWebContents(session.defaultSession)
    FakeBrowserWindow.instances.push(this)
    app.emit('web-contents-created', fakeEvent(), this.webContents)
  }

  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.instances.filter((w) => !w.destroyed)
  }

  show(): void {
    this.calls.push('show')
    this.visible = true
    this.focused = true
  }
  showInactive(): void {
    this.calls.push('showInactive')
    this.visible = true
  }
  hide(): void {
    this.calls.push('hide')
    this.visible = false
    this.focused = false
  }
  focus(): void {
    this.calls.push('focus')
    this.focused = true
  }
  moveTop(): void {
    this.calls.push('moveTop')
  }
  restore(): void {
    this.calls.push('restore')
    this.minimized = false
  }
  minimize(): void {
    this.minimized = true
  }
  isMinimized(): boolean {
    return this.minimized
  }
  isVisible(): boolean {
    return this.visible
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  isMaximized(): boolean {
    return this.maximized
  }
  maximize(): void {
    this.calls.push('maximize')
    this.maximized = true
  }
  getBounds(): Electron.Rectangle {
    return { ...this.bounds }
  }
  getNormalBounds(): Electron.Rectangle {
    return { ...this.bounds }
  }
  setBounds(bounds: Partial<Electron.Rectangle>): void {
    this.bounds = { ...this.bounds, ...bounds }
    // Electron emits resize/move for programmatic changes too.
    this.emit('resize')
    this.emit('move')
  }
  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url)
  }
  loadFile(filePath: string): Promise<void> {
    return this.webContents.loadFile(filePath)
  }
  /** Like Electron: `close` is emitted and may be prevented; otherwise the window goes away. */
  close(): void {
    const event = fakeEvent()
    this.emit('close', event)
    if (!event.defaultPrevented) this.destroy()
  }
  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    this.visible = false
    this.webContents.destroyed = true
    this.emit('closed')
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Screen

export const screen = new (class FakeScreen
  extends EventEmitter
  implements Pick<Electron.Screen, 'getAllDisplays' | 'getPrimaryDisplay'>
{
  workAreas: Electron.Rectangle[] = [{ x: 0, y: 0, width: 1920, height: 1040 }]

  getAllDisplays(): Electron.Display[] {
    return this.workAreas.map((workArea, i) => fakeDisplay(i + 1, workArea))
  }
  getPrimaryDisplay(): Electron.Display {
    return this.getAllDisplays()[0] ?? fakeDisplay(1, { x: 0, y: 0, width: 1920, height: 1040 })
  }
})()

function fakeDisplay(id: number, workArea: Electron.Rectangle): Electron.Display {
  return {
    id,
    label: `Display ${id}`,
    bounds: { ...workArea, height: workArea.height + 40 },
    workArea,
    workAreaSize: { width: workArea.width, height: workArea.height },
    size: { width: workArea.width, height: workArea.height + 40 },
    scaleFactor: 1,
    rotation: 0,
    internal: false,
    monochrome: false,
    accelerometerSupport: 'unknown',
    colorDepth: 24,
    colorSpace: 'srgb',
    depthPerComponent: 8,
    detected: true,
    displayFrequency: 60,
    maximumCursorSize: { width: 64, height: 64 },
    nativeOrigin: { x: workArea.x, y: workArea.y },
    touchSupport: 'unknown',
  }
}

// ---------------------------------------------------------------------------------------------------------------
// App

type LoginItemSettings = Electron.LoginItemSettings
const DEFAULT_PATHS: Readonly<Record<string, string>> = {
  userData: '/tmp/plugfleet-fake/user-data',
  downloads: '/tmp/plugfleet-fake/downloads',
}

export const app = new (class FakeApp
  extends EventEmitter
  implements
    Pick<
      Electron.App,
      | 'whenReady'
      | 'isReady'
      | 'quit'
      | 'exit'
      | 'getPath'
      | 'setPath'
      | 'getAppPath'
      | 'requestSingleInstanceLock'
      | 'setAppUserModelId'
      | 'setLoginItemSettings'
      | 'getLoginItemSettings'
      | 'isPackaged'
      | 'name'
      | 'getName'
    >
{
  isPackaged = false
  name = 'Plugchoice Fleet'
  /** Whether `requestSingleInstanceLock` succeeds (false: another instance holds it). */
  singleInstanceLockAvailable = true
  appUserModelId: string | null = null
  loginItem: Electron.Settings = {}
  wasOpenedAtLogin = false
  quitCalls = 0
  ready = false
  paths: Record<string, string> = { ...DEFAULT_PATHS }

  whenReady(): Promise<void> {
    this.ready = true
    return Promise.resolve()
  }
  isReady(): boolean {
    return this.ready
  }
  getName(): string {
    return this.name
  }
  /** Like Electron: `before-quit` may be prevented; otherwise `will-quit` follows. */
  quit(): void {
    this.quitCalls++
    const event = fakeEvent()
    this.emit('before-quit', event)
    if (event.defaultPrevented) return
    this.emit('will-quit', fakeEvent())
  }
  exit(): void {
    this.quitCalls++
  }
  getPath(name: Parameters<Electron.App['getPath']>[0]): string {
    const value = this.paths[name]
    if (value === undefined) throw new Error(`Failed to get '${name}' path`)
    return value
  }
  setPath(name: string, path: string): void {
    this.paths[name] = path
  }
  getAppPath(): string {
    return '/opt/plugchoice-fleet/resources/app.asar'
  }
  requestSingleInstanceLock(): boolean {
    return this.singleInstanceLockAvailable
  }
  setAppUserModelId(id: string): void {
    this.appUserModelId = id
  }
  setLoginItemSettings(settings: Electron.Settings): void {
    this.loginItem = { ...settings }
  }
  getLoginItemSettings(): LoginItemSettings {
    return {
      openAtLogin: this.loginItem.openAtLogin ?? false,
      wasOpenedAtLogin: this.wasOpenedAtLogin,
      status: this.loginItem.openAtLogin ? 'enabled' : 'not-registered',
      executableWillLaunchAtLogin: this.loginItem.openAtLogin ?? false,
      launchItems: [],
    }
  }

  // --- test helpers ---
  /** Another launch of the app, as Electron reports it to the first instance. */
  launchSecondInstance(argv: string[]): void {
    this.emit('second-instance', fakeEvent(), argv, '/home/user', {})
  }
})()

// ---------------------------------------------------------------------------------------------------------------
// IPC

type InvokeHandler = Parameters<Electron.IpcMain['handle']>[1]

export const ipcMain = new (class FakeIpcMain
  extends EventEmitter
  implements Pick<Electron.IpcMain, 'handle' | 'removeHandler'>
{
  readonly handlers = new Map<string, InvokeHandler>()

  handle(channel: string, listener: InvokeHandler): void {
    // Electron throws on a second handler for one channel; so does the fake.
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    this.handlers.set(channel, listener)
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  }

  // --- test helpers ---
  /** What `ipcRenderer.invoke(channel, ...args)` from `frame` of `sender` would resolve to. */
  async invokeFrom(
    sender: FakeWebContents,
    frame: FakeWebFrameMain | null,
    channel: string,
    ...args: unknown[]
  ): Promise<unknown> {
    const handler = this.handlers.get(channel)
    // Electron rejects the renderer's promise with this message when no handler is registered.
    if (!handler)
      throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`)
    const event = {
      ...fakeEvent(),
      frameId: frame?.routingId ?? -1,
      processId: frame?.processId ?? -1,
      sender,
      senderFrame: frame,
      type: 'frame',
    } as unknown as Electron.IpcMainInvokeEvent
    return handler(event, ...args)
  }
})()

type RendererListener = (event: Electron.IpcRendererEvent, ...args: unknown[]) => void

export const ipcRenderer = new (class FakeIpcRenderer
  extends EventEmitter
  implements Pick<Electron.IpcRenderer, 'invoke' | 'send'>
{
  readonly invoked: Array<{ channel: string; args: unknown[] }> = []
  /** Answers each invoke; by default echoes the request back inside `{ ok: true }`. */
  answer: (channel: string, args: unknown[]) => unknown = (_channel, args) => ({ ok: true, data: args[0] ?? null })

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push({ channel, args })
    return Promise.resolve(this.answer(channel, args))
  }
  send(channel: string, ...args: unknown[]): void {
    this.invoked.push({ channel, args })
  }

  // --- test helpers ---
  /** A message from main (`webContents.send`) as the preload receives it. */
  deliver(channel: string, ...args: unknown[]): void {
    const event = { sender: this, senderId: 0, ports: [] } as unknown as Electron.IpcRendererEvent
    for (const listener of this.listeners(channel) as RendererListener[]) listener(event, ...args)
  }
})()

export const contextBridge = new (class FakeContextBridge implements Pick<Electron.ContextBridge, 'exposeInMainWorld'> {
  readonly exposed = new Map<string, unknown>()

  exposeInMainWorld(apiKey: string, api: unknown): void {
    // Electron refuses to expose one key twice.
    if (this.exposed.has(apiKey))
      throw new Error(`Cannot bind an API on top of an existing property on the window object`)
    this.exposed.set(apiKey, api)
  }
})()

// ---------------------------------------------------------------------------------------------------------------
// Menus, tray, notifications

export class FakeMenu extends EventEmitter {
  static applicationMenu: FakeMenu | null = null
  static builtCount = 0
  readonly template: Electron.MenuItemConstructorOptions[]

  constructor(template: Electron.MenuItemConstructorOptions[] = []) {
    super()
    this.template = template
  }

  static buildFromTemplate(template: Array<Electron.MenuItemConstructorOptions | Electron.MenuItem>): FakeMenu {
    FakeMenu.builtCount++
    return new FakeMenu(template as Electron.MenuItemConstructorOptions[])
  }

  static setApplicationMenu(menu: FakeMenu | null): void {
    FakeMenu.applicationMenu = menu
  }

  static getApplicationMenu(): FakeMenu | null {
    return FakeMenu.applicationMenu
  }

  // --- test helpers ---
  /** Finds an item by its label path (["Pause notifications", "For 1 hour"]). */
  find(...labels: string[]): Electron.MenuItemConstructorOptions | undefined {
    let items: Electron.MenuItemConstructorOptions[] = this.template
    let found: Electron.MenuItemConstructorOptions | undefined
    for (const label of labels) {
      found = items.find((item) => item.label === label)
      if (!found) return undefined
      items = Array.isArray(found.submenu) ? found.submenu : []
    }
    return found
  }

  /** Clicks an item as Electron would (menuItem, focused window, keyboard event). */
  click(...labels: string[]): void {
    const item = this.find(...labels)
    if (!item) throw new Error(`No menu item ${labels.join(' > ')}`)
    if (item.enabled === false) throw new Error(`Menu item ${labels.join(' > ')} is disabled`)
    item.click?.(item as unknown as Electron.MenuItem, undefined, {})
  }
}

export class FakeTray
  extends EventEmitter
  implements Pick<Electron.Tray, 'setImage' | 'setToolTip' | 'destroy' | 'isDestroyed'>
{
  static readonly instances: FakeTray[] = []
  image: string
  toolTip = ''
  contextMenu: FakeMenu | null = null
  destroyed = false
  /** Every call that changes the tray, in order: lets tests see churn. */
  readonly calls: string[] = []

  constructor(image: Electron.NativeImage | string, _guid?: string) {
    super()
    this.image = typeof image === 'string' ? image : '<native image>'
    FakeTray.instances.push(this)
  }

  setImage(image: Electron.NativeImage | string): void {
    this.calls.push('setImage')
    this.image = typeof image === 'string' ? image : '<native image>'
  }
  setToolTip(toolTip: string): void {
    this.calls.push('setToolTip')
    this.toolTip = toolTip
  }
  setContextMenu(menu: FakeMenu | null): void {
    this.calls.push('setContextMenu')
    this.contextMenu = menu
  }
  destroy(): void {
    this.destroyed = true
  }
  isDestroyed(): boolean {
    return this.destroyed
  }

  // --- test helpers ---
  click(): void {
    this.emit('click', {}, { x: 0, y: 0, width: 16, height: 16 }, { x: 0, y: 0 })
  }
}

export class FakeNotification
  extends EventEmitter
  implements Pick<Electron.Notification, 'show' | 'close' | 'title' | 'body' | 'silent'>
{
  static readonly instances: FakeNotification[] = []
  static supported = true
  readonly options: Electron.NotificationConstructorOptions
  title: string
  body: string
  silent: boolean
  shown = false
  closed = false

  constructor(options?: Electron.NotificationConstructorOptions) {
    super()
    this.options = options ?? {}
    this.title = this.options.title ?? ''
    this.body = this.options.body ?? ''
    this.silent = this.options.silent ?? false
    FakeNotification.instances.push(this)
  }

  static isSupported(): boolean {
    return FakeNotification.supported
  }

  show(): void {
    this.shown = true
    this.emit('show', fakeEvent())
  }
  close(): void {
    this.closed = true
    this.emit('close', fakeEvent({ id: '', reason: 'userCanceled' as const }))
  }

  // --- test helpers ---
  click(): void {
    this.emit('click', fakeEvent())
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Shell, dialog, power monitor, net

export const shell = {
  opened: [] as string[],
  async openExternal(url: string): Promise<void> {
    shell.opened.push(url)
  },
} satisfies Pick<Electron.Shell, 'openExternal'> & { opened: string[] }

export const dialog = {
  saveDialogs: [] as Electron.SaveDialogOptions[],
  errorBoxes: [] as Array<{ title: string; content: string }>,
  showErrorBox(title: string, content: string): void {
    dialog.errorBoxes.push({ title, content })
  },
  /** What the next save dialog answers. */
  nextSave: { canceled: true, filePath: '' } as Electron.SaveDialogReturnValue,
  async showSaveDialog(
    windowOrOptions: Electron.BaseWindow | Electron.SaveDialogOptions,
    maybeOptions?: Electron.SaveDialogOptions,
  ): Promise<Electron.SaveDialogReturnValue> {
    const options = maybeOptions ?? windowOrOptions
    dialog.saveDialogs.push(options)
    return dialog.nextSave
  },
} satisfies Pick<Electron.Dialog, 'showSaveDialog' | 'showErrorBox'> & {
  saveDialogs: Electron.SaveDialogOptions[]
  errorBoxes: Array<{ title: string; content: string }>
  nextSave: Electron.SaveDialogReturnValue
}

export const powerMonitor = new (class FakePowerMonitor
  extends EventEmitter
  implements Pick<Electron.PowerMonitor, 'getSystemIdleState'>
{
  getSystemIdleState(): 'active' | 'idle' | 'locked' | 'unknown' {
    return 'active'
  }
})()

export const net = {
  online: true as boolean,
  isOnline(): boolean {
    return net.online
  },
} satisfies Pick<Electron.Net, 'isOnline'> & { online: boolean }

export const nativeImage = {
  createFromPath(path: string): Electron.NativeImage {
    return { toDataURL: () => `fake:${path}`, isEmpty: () => false } as unknown as Electron.NativeImage
  },
} satisfies Pick<ElectronModule['nativeImage'], 'createFromPath'>

// ---------------------------------------------------------------------------------------------------------------
// Export names and constructor signatures checked against the real module

export { FakeBrowserWindow as BrowserWindow, FakeMenu as Menu, FakeTray as Tray, FakeNotification as Notification }

type Ctor<T extends abstract new (...args: never[]) => unknown> = new (...args: ConstructorParameters<T>) => unknown
const constructorsAcceptRealArguments: {
  BrowserWindow: Ctor<ElectronModule['BrowserWindow']>
  Tray: Ctor<ElectronModule['Tray']>
  Notification: Ctor<ElectronModule['Notification']>
} = { BrowserWindow: FakeBrowserWindow, Tray: FakeTray, Notification: FakeNotification }
void constructorsAcceptRealArguments

// Static members tests and adapters use keep the real signatures' parameter types.
const staticsMatch: {
  buildFromTemplate: (template: Parameters<ElectronModule['Menu']['buildFromTemplate']>[0]) => unknown
  isSupported: ElectronModule['Notification']['isSupported']
  // eslint-disable-next-line @typescript-eslint/unbound-method -- static methods: `this` is never used
} = { buildFromTemplate: FakeMenu.buildFromTemplate, isSupported: FakeNotification.isSupported }
void staticsMatch

/** Every name this module exports as part of the fake exists in the real module. */
type FakeExportNames =
  | 'app'
  | 'BrowserWindow'
  | 'contextBridge'
  | 'dialog'
  | 'ipcMain'
  | 'ipcRenderer'
  | 'Menu'
  | 'nativeImage'
  | 'net'
  | 'Notification'
  | 'powerMonitor'
  | 'protocol'
  | 'screen'
  | 'session'
  | 'shell'
  | 'Tray'
const exportNamesExist: readonly Extract<FakeExportNames, keyof ElectronModule>[] = [] as FakeExportNames[]
void exportNamesExist

/** Restores every fake to a fresh start; call in `beforeEach`. */
export function resetFakeElectron(): void {
  FakeBrowserWindow.instances.length = 0
  FakeTray.instances.length = 0
  FakeNotification.instances.length = 0
  FakeNotification.supported = true
  FakeMenu.applicationMenu = null
  FakeMenu.builtCount = 0
  session.defaultSession = new FakeSession()
  protocol.reset()
  for (const emitter of [app, ipcMain, ipcRenderer, powerMonitor, screen]) emitter.removeAllListeners()
  ipcMain.handlers.clear()
  ipcRenderer.invoked.length = 0
  ipcRenderer.answer = (_channel, args) => ({ ok: true, data: args[0] ?? null })
  contextBridge.exposed.clear()
  Object.assign(app, {
    isPackaged: false,
    singleInstanceLockAvailable: true,
    appUserModelId: null,
    loginItem: {},
    wasOpenedAtLogin: false,
    quitCalls: 0,
    ready: false,
    paths: { ...DEFAULT_PATHS },
  })
  screen.workAreas = [{ x: 0, y: 0, width: 1920, height: 1040 }]
  shell.opened.length = 0
  dialog.saveDialogs.length = 0
  dialog.errorBoxes.length = 0
  dialog.nextSave = { canceled: true, filePath: '' }
  net.online = true
}
