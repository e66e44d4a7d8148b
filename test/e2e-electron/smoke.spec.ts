// The real Electron app, end to end: it starts on the demo fleet (simulated Plugchoice API, no token), the
// window shows the fleet list from app://bundle, the tray is up, and the window is locked down as configured.
// Where no Electron binary exists (these development machines: it cannot be downloaded here) or no display is
// available, the test skips and prints why, unless PLUGFLEET_REQUIRE_ELECTRON=1 (the desktop workflow) says
// the binary must be there: then a missing binary is a failure. Run `npm run build` first: it launches out/.
import { mkdtempSync, rmSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { test, expect, _electron as electron, type ElectronApplication } from '@playwright/test'
import { findElectronBinary } from '@web/electron-binary'
import { COMMANDS } from '@shared/ipc-channels'

const root = join(import.meta.dirname, '..', '..')
const required = process.env.PLUGFLEET_REQUIRE_ELECTRON === '1'

function whyNot(): string | null {
  const binary = findElectronBinary()
  if (!binary.found) return `no Electron binary: ${binary.reason} (npx install-electron downloads it)`
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'no display (DISPLAY/WAYLAND_DISPLAY unset): run it under xvfb-run'
  }
  if (!existsSync(join(root, 'out', 'main', 'index.js'))) return 'the app is not built: run `npm run build` first'
  return null
}

const skipReason = whyNot()
if (skipReason && !required) console.log(`[e2e-electron] skipping the Electron smoke test: ${skipReason}`)

test.describe('Electron app', () => {
  test.skip(skipReason !== null && !required, skipReason ?? '')

  let app: ElectronApplication | undefined
  let userData: string
  const output: string[] = []
  let trayLine: Promise<string>

  test.beforeEach(async () => {
    // PLUGFLEET_REQUIRE_ELECTRON=1: a machine that should run this test but cannot is a failure, said plainly.
    if (skipReason) throw new Error(`PLUGFLEET_REQUIRE_ELECTRON=1, but ${skipReason}`)
    userData = mkdtempSync(join(tmpdir(), 'plugfleet-electron-e2e-'))
    output.length = 0
    app = await electron.launch({
      // No executablePath: Playwright then resolves the electron package's binary itself and preloads its
      // loader, which holds the app's `ready` until Playwright is attached. With executablePath the app runs
      // ahead and could print its tray line before the listener below exists. (The binary is known to be
      // there: whyNot() found it, so requiring the electron package downloads nothing.)
      args: [root, '--demo'],
      // Playwright passes --no-sandbox on Linux unless chromiumSandbox is set: the app runs in Chromium's
      // sandbox, as users get it. Only as root (CI containers) is it left out: Chromium refuses its sandbox there.
      chromiumSandbox: process.getuid?.() !== 0,
      env: {
        ...process.env,
        PLUGFLEET_USER_DATA: userData,
        PLUGFLEET_DEMO: '1',
        // Never touch the keychain entry of a real installation.
        PLUGFLEET_KEYCHAIN_SERVICE: `plugchoice-fleet-e2e-${randomBytes(4).toString('hex')}`,
      },
      timeout: 30_000,
    })
    const stdout = app.process().stdout!
    trayLine = new Promise((resolve) => {
      const onData = (chunk: Buffer) => {
        output.push(...chunk.toString().split('\n'))
        const line = output.find((text) => text.includes('[plugfleet] tray ready:'))
        if (line) {
          stdout.off('data', onData)
          resolve(line)
        }
      }
      stdout.on('data', onData)
    })
  })

  test.afterEach(async () => {
    await app?.close()
    if (userData) rmSync(userData, { recursive: true, force: true })
  })

  test('starts on the demo fleet: the window shows the list from app://, and the tray is up', async () => {
    const window = await app!.firstWindow()
    expect(window.url()).toBe('app://bundle/index.html')
    const grid = window.getByRole('grid', { name: 'Chargers' })
    await expect(grid).toBeVisible({ timeout: 30_000 })
    await expect.poll(() => grid.getByRole('row').count(), { timeout: 30_000 }).toBeGreaterThan(1)
    await expect(window.getByText(/^[\d,]+ chargers?$/)).toBeVisible()
    expect(await trayLine).toMatch(/tray ready: Plugchoice Fleet/)
  })

  test('the window is locked down: no Node in the page, only the bridge, no navigation away', async () => {
    const window = await app!.firstWindow()
    await expect(window.getByRole('grid', { name: 'Chargers' })).toBeVisible({ timeout: 30_000 })
    const page = await window.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      commands: Object.keys((globalThis as { plugfleet?: { invoke: object } }).plugfleet?.invoke ?? {}).sort(),
    }))
    // contextBridge refuses to work without context isolation: the bridge being there proves it is on.
    expect(page).toEqual({ require: 'undefined', process: 'undefined', commands: [...COMMANDS].sort() })

    const before = window.url()
    await window.evaluate(() => {
      location.href = 'https://example.com/'
    })
    // A prevented navigation leaves no event to wait for; give a real one the time to happen.
    await window.waitForTimeout(1_000)
    expect(window.url()).toBe(before)
    expect(app!.windows()).toHaveLength(1)
  })
})
