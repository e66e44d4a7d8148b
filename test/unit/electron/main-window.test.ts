import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => import('../../fakes/electron'))

import type { BrowserWindow } from '../../fakes/electron'
import { app, resetFakeElectron, screen } from '../../fakes/electron'
import { registerAppScheme, serveAppBundle } from '@main/electron/app-protocol'
import { MainWindow, type MainWindowOptions } from '@main/electron/main-window'
import { WindowStateStore } from '@main/window/window-state-store'
import type { AppPage } from '@main/window/app-page'

let dir: string
let store: WindowStateStore
let quitting: boolean
let hints: number

const bundlePage: AppPage = { kind: 'bundle', url: 'app://bundle/index.html', rendererDir: '/opt/fleet/out/renderer' }

function options(overrides: Partial<MainWindowOptions> = {}): MainWindowOptions {
  return {
    page: bundlePage,
    preloadPath: '/opt/fleet/out/preload/index.cjs',
    stateStore: store,
    startHidden: false,
    isQuitting: () => quitting,
    onFirstCloseToTray: () => hints++,
    devTools: false,
    ...overrides,
  }
}

async function savedState() {
  return JSON.parse(await readFile(join(dir, 'window-state.json'), 'utf8'))
}

const created: MainWindow[] = []

async function open(overrides: Partial<MainWindowOptions> = {}): Promise<MainWindow> {
  const main = await MainWindow.create(options(overrides))
  created.push(main)
  return main
}

function fake(main: MainWindow): InstanceType<typeof BrowserWindow> {
  return main.window as unknown as InstanceType<typeof BrowserWindow>
}

beforeEach(async () => {
  resetFakeElectron()
  registerAppScheme()
  await app.whenReady()
  serveAppBundle(bundlePage)
  dir = await mkdtemp(join(tmpdir(), 'plugfleet-window-'))
  store = new WindowStateStore(dir, () => {})
  quitting = false
  hints = 0
})

afterEach(async () => {
  // Saves run in order: one more save of each window waits for those still in flight.
  await Promise.all(created.splice(0).map((main) => main.persist()))
  await rm(dir, { recursive: true, force: true })
})

describe('main window', () => {
  it('is locked down: context isolation, sandbox, no Node, web security, the built preload', async () => {
    const main = await open()
    const prefs = fake(main).options.webPreferences!
    expect(prefs.contextIsolation).toBe(true)
    expect(prefs.sandbox).toBe(true)
    expect(prefs.nodeIntegration).toBe(false)
    expect(prefs.nodeIntegrationInWorker).toBe(false)
    expect(prefs.nodeIntegrationInSubFrames).toBe(false)
    expect(prefs.webSecurity).toBe(true)
    expect(prefs.allowRunningInsecureContent).toBe(false)
    expect(prefs.webviewTag).toBe(false)
    expect(prefs.devTools).toBe(false)
    expect(prefs.preload).toBe('/opt/fleet/out/preload/index.cjs')
  })

  it('loads the built page over app://, or the dev server in development', async () => {
    const built = await open()
    expect(fake(built).webContents.loaded).toBeNull()
    await built.load()
    expect(fake(built).webContents.loaded).toEqual({ url: 'app://bundle/index.html' })
    expect(fake(built).webContents.getURL()).toBe('app://bundle/index.html')
    const dev = await open({ page: { kind: 'dev-server', url: 'http://localhost:5173/' } })
    await dev.load()
    expect(fake(dev).webContents.loaded).toEqual({ url: 'http://localhost:5173/' })
  })

  it('stays hidden until ready-to-show, so there is no white flash', async () => {
    const main = await open()
    const window = fake(main)
    expect(window.options.show).toBe(false)
    expect(window.isVisible()).toBe(false)
    window.emit('ready-to-show')
    expect(window.isVisible()).toBe(true)
  })

  it('stays in the tray when launched at login', async () => {
    const window = fake(await open({ startHidden: true }))
    window.emit('ready-to-show')
    expect(window.isVisible()).toBe(false)
  })

  it('closing hides it to the tray, with the hint only the first time, ever', async () => {
    const main = await open()
    const window = fake(main)
    window.emit('ready-to-show')
    window.close()
    expect(window.isDestroyed()).toBe(false)
    expect(window.isVisible()).toBe(false)
    expect(hints).toBe(1)
    main.show()
    window.close()
    expect(hints).toBe(1)
    await vi.waitFor(async () => expect((await savedState()).closeToTrayHintShown).toBe(true))

    // The next run remembers that the hint was shown.
    const next = fake(await open())
    next.close()
    expect(hints).toBe(1)
  })

  it('really closes when the app is quitting, after the quit saved where it was', async () => {
    const main = await open()
    const window = fake(main)
    window.setBounds({ x: 300, y: 200, width: 900, height: 650 })
    quitting = true
    await main.persist()
    window.close()
    expect(window.isDestroyed()).toBe(true)
    expect(hints).toBe(0)
    expect((await savedState()).bounds).toEqual({ x: 300, y: 200, width: 900, height: 650 })
  })

  it('show() brings a minimized or hidden window to the front', async () => {
    const main = await open({ startHidden: true })
    const window = fake(main)
    window.minimize()
    main.show()
    expect(window.isMinimized()).toBe(false)
    expect(window.isVisible()).toBe(true)
    expect(window.focused).toBe(true)
  })

  it('remembers size and position across runs', async () => {
    const first = await open()
    fake(first).setBounds({ x: 200, y: 150, width: 1000, height: 700 })
    fake(first).close()
    await vi.waitFor(async () =>
      expect((await savedState()).bounds).toEqual({ x: 200, y: 150, width: 1000, height: 700 }),
    )

    const second = fake(await open())
    expect(second.options).toMatchObject({ x: 200, y: 150, width: 1000, height: 700 })
  })

  it('reopens maximized when it was closed maximized', async () => {
    await writeFile(
      join(dir, 'window-state.json'),
      JSON.stringify({ bounds: { x: 10, y: 10, width: 900, height: 600 }, maximized: true }),
    )
    const window = fake(await open())
    window.emit('ready-to-show')
    expect(window.isMaximized()).toBe(true)
  })

  it('opens on screen when the display it was on is gone', async () => {
    // Last time it sat on a second monitor to the right; that monitor is unplugged now.
    await writeFile(
      join(dir, 'window-state.json'),
      JSON.stringify({ bounds: { x: 2500, y: 100, width: 900, height: 600 } }),
    )
    screen.workAreas = [{ x: 0, y: 0, width: 1920, height: 1040 }]
    const window = fake(await open())
    expect(window.options.x).toBeUndefined()
    expect(window.options.y).toBeUndefined()
    expect(window.options.width).toBe(1200)
  })

  it('opens with defaults when the state file is damaged', async () => {
    await writeFile(join(dir, 'window-state.json'), '{"bounds": {"x": 1')
    const window = fake(await open())
    expect(window.options).toMatchObject({ width: 1200, height: 800 })
  })
})
