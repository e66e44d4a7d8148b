// The real Electron app, end to end: it starts on the demo fleet (simulated Plugchoice API, no token), the
// window shows the fleet list, the tray is up, and the window is locked down as configured. Where no Electron
// binary exists (these development machines: it cannot be downloaded here) or no display is available, the
// test skips and prints why. Run `npm run build` first: it launches the built app (out/).
import { mkdtempSync, rmSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { test, expect, _electron as electron, type ElectronApplication } from '@playwright/test'
import { findElectronBinary } from '@web/electron-binary'
import { COMMANDS } from '@shared/ipc-channels'

const root = join(import.meta.dirname, '..', '..')

function whyNot(): string | null {
  const binary = findElectronBinary()
  if (!binary.found) return `no Electron binary: ${binary.reason}`
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'no display (DISPLAY/WAYLAND_DISPLAY unset): run it under xvfb-run'
  }
  if (!existsSync(join(root, 'out', 'main', 'index.js'))) return 'the app is not built: run `npm run build` first'
  return null
}

const skipReason = whyNot()
if (skipReason) console.log(`[e2e-electron] skipping the Electron smoke test: ${skipReason}`)

test.describe('Electron app', () => {
  test.skip(skipReason !== null, skipReason ?? '')

  let app: ElectronApplication | undefined
  let userData: string
  const output: string[] = []

  test.beforeEach(async () => {
    userData = mkdtempSync(join(tmpdir(), 'plugfleet-electron-e2e-'))
    const binary = findElectronBinary()
    if (!binary.found) throw new Error(binary.reason)
    app = await electron.launch({
      executablePath: binary.path,
      // Chromium refuses to start as root without --no-sandbox (CI containers run as root); anywhere else the
      // app runs with Chromium's sandbox, as users get it.
      args: [root, '--demo', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      env: {
        ...process.env,
        PLUGFLEET_USER_DATA: userData,
        PLUGFLEET_DEMO: '1',
        // Never touch the keychain entry of a real installation.
        PLUGFLEET_KEYCHAIN_SERVICE: `plugchoice-fleet-e2e-${randomBytes(4).toString('hex')}`,
      },
      timeout: 30_000,
    })
    app.process().stdout?.on('data', (chunk: Buffer) => output.push(...chunk.toString().split('\n')))
  })

  test.afterEach(async () => {
    await app?.close()
    rmSync(userData, { recursive: true, force: true })
  })

  test('starts on the demo fleet: the window shows the list and the tray is up', async () => {
    const window = await app!.firstWindow()
    const grid = window.getByRole('grid', { name: 'Chargers' })
    await expect(grid).toBeVisible({ timeout: 30_000 })
    await expect.poll(() => grid.getByRole('row').count(), { timeout: 30_000 }).toBeGreaterThan(1)
    await expect(window.getByText(/^[\d,]+ chargers?$/)).toBeVisible()

    await expect.poll(() => output.find((line) => line.includes('[plugfleet] tray ready:')) ?? null).not.toBeNull()
    expect(output.find((line) => line.includes('tray ready:'))).toMatch(/Plugchoice Fleet/)
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
