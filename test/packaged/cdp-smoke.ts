// `npm run smoke:packaged`: the packaged app (electron-builder --dir, i.e. `npm run pack`) started on the demo
// fleet with a remote-debugging port and checked over CDP. Playwright's _electron cannot drive a packaged app:
// its fuses refuse --inspect, which _electron needs. The check: the window is app://bundle/index.html, the list
// has rows, and auth:status says the keychain is available (the demo runs even when keytar fails to load, so a
// window alone proves nothing). Skips with its reason when there is no packaged app, unless
// PLUGFLEET_REQUIRE_ELECTRON=1. `--app PATH` names the executable (the Windows job launches it through a
// lower-case drive path).
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { PRODUCT_NAME } from '@main/app-identity'

const root = join(import.meta.dirname, '..', '..')
const TIMEOUT_MS = 60_000

/** Where `electron-builder --dir` leaves the executable on each OS (electron-builder's default folders). */
export function packagedAppCandidates(platform: NodeJS.Platform, dist = join(root, 'dist')): string[] {
  if (platform === 'darwin') {
    return ['mac-arm64', 'mac', 'mac-universal'].map((dir) =>
      join(dist, dir, `${PRODUCT_NAME}.app`, 'Contents', 'MacOS', PRODUCT_NAME),
    )
  }
  if (platform === 'win32') return [join(dist, 'win-unpacked', `${PRODUCT_NAME}.exe`)]
  return [join(dist, 'linux-unpacked', 'plugchoice-fleet'), join(dist, 'linux-arm64-unpacked', 'plugchoice-fleet')]
}

function argValue(name: string): string | undefined {
  const index = process.argv.indexOf(name)
  return index >= 0 ? process.argv[index + 1] : undefined
}

function fail(message: string): never {
  console.error(`[smoke:packaged] FAILED: ${message}`)
  process.exit(1)
}

/** The DevTools endpoint Chromium prints on stderr once it listens. */
function devToolsEndpoint(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = ''
    const timer = setTimeout(
      () => reject(new Error(`no DevTools endpoint after ${TIMEOUT_MS} ms:\n${seen}`)),
      TIMEOUT_MS,
    )
    child.stderr!.on('data', (chunk: Buffer) => {
      seen += chunk.toString()
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(seen)
      if (match) {
        clearTimeout(timer)
        resolve(match[1]!)
      }
    })
    child.once('exit', (code) => reject(new Error(`the app exited (${code}) before it listened:\n${seen}`)))
  })
}

async function main(): Promise<void> {
  const required = process.env.PLUGFLEET_REQUIRE_ELECTRON === '1'
  const explicit = argValue('--app')
  const executable = explicit ?? packagedAppCandidates(process.platform).find((path) => existsSync(path))
  if (!executable || !existsSync(executable)) {
    const reason = `no packaged app (${explicit ?? packagedAppCandidates(process.platform).join(', ')}): run \`npm run pack\` first`
    if (required) fail(`PLUGFLEET_REQUIRE_ELECTRON=1, but ${reason}`)
    console.log(`[smoke:packaged] skipping: ${reason}`)
    return
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    fail('no display (DISPLAY/WAYLAND_DISPLAY unset): run it under xvfb-run')
  }

  const userData = mkdtempSync(join(tmpdir(), 'plugfleet-packaged-'))
  const child = spawn(
    executable,
    // Chromium refuses its sandbox as root (CI containers) only; everywhere else the app runs sandboxed.
    ['--demo', '--remote-debugging-port=0', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        PLUGFLEET_USER_DATA: userData,
        PLUGFLEET_DEMO: '1',
        PLUGFLEET_KEYCHAIN_SERVICE: `plugchoice-fleet-smoke-${randomBytes(4).toString('hex')}`,
      },
    },
  )
  child.stdout.on('data', (chunk: Buffer) => process.stdout.write(chunk))
  try {
    const endpoint = await devToolsEndpoint(child)
    const browser = await chromium.connectOverCDP(endpoint, { timeout: TIMEOUT_MS })
    const deadline = Date.now() + TIMEOUT_MS
    let page = browser.contexts().flatMap((context) => context.pages())[0]
    while (!page && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250))
      page = browser.contexts().flatMap((context) => context.pages())[0]
    }
    if (!page) fail('the app opened no window')
    await page.waitForURL('app://bundle/index.html', { timeout: TIMEOUT_MS })
    const grid = page.getByRole('grid', { name: 'Chargers' })
    await grid.waitFor({ timeout: TIMEOUT_MS })
    while ((await grid.getByRole('row').count()) < 2) {
      if (Date.now() > deadline) fail('the fleet list has no rows')
      await page.waitForTimeout(250)
    }
    const rows = await grid.getByRole('row').count()
    const status = (await page.evaluate(() =>
      (globalThis as unknown as { plugfleet: { invoke: Record<string, () => Promise<unknown>> } }).plugfleet.invoke[
        'auth:status'
      ]!(),
    )) as { ok: boolean; data?: { state: string; keychain: { available: boolean; reason: string | null } } }
    if (!status.ok || !status.data) fail(`auth:status answered ${JSON.stringify(status)}`)
    if (!status.data.keychain.available) fail(`the keychain is not available: ${status.data.keychain.reason}`)
    console.log(
      `[smoke:packaged] passed: ${page.url()} shows ${rows - 1} rows, state ${status.data.state}, keychain available (${executable})`,
    )
    await browser.close().catch(() => {})
  } catch (error) {
    fail((error as Error).message)
  } finally {
    child.kill()
    rmSync(userData, { recursive: true, force: true, maxRetries: 5, retryDelay: 500 })
  }
}

await main()
