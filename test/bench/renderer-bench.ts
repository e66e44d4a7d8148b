// The list's speed in real Chromium, through the web preview, with a 10,000-charger fleet (issue 5):
// first rows after the snapshot arrives, repaint after a search keystroke or a filter click (p95 of 50),
// row elements in the DOM while scrolling, what a 10-charger sync does to the DOM, and the JS heap.
import { chromium, type Page } from '@playwright/test'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { startSimulatedApi } from '@main/sim/index'
import { launchWebPreview } from '../e2e/web-preview-process'
import { median, percentile } from './stats'
import { chromiumExecutable } from '../chromium-path'

export interface RendererBench {
  /** From the reload's navigation start to the first rows painted (bundle, snapshot, validation, paint). */
  reloadMs: number
  /** From the reload's navigation start to the header's count line with the fleet in it ("10,000 chargers"). */
  reloadToCountLineMs: number
  chargers: number
  /** From the snapshot's body in the page's hands to the first rows painted. */
  firstRowsMs: number
  /** From the snapshot's last byte at the browser to its body in the page (Chromium moving 8 MB between processes). */
  bodyTransferMs: number
  searchP95Ms: number
  searchMedianMs: number
  filterP95Ms: number
  filterMedianMs: number
  maxRowElements: number
  deltaChangedChargers: number
  rowsRecreatedByDelta: number
  rowsTotalBeforeDelta: number
  heapMB: number
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
]

export async function benchRenderer(chargers = 10_000): Promise<RendererBench> {
  const sim = await startSimulatedApi({
    fleetSize: chargers,
    seed: 10_000,
    rateLimit: { limit: 100_000, windowMs: 60_000 },
  })
  const userDataDir = await mkdtemp(join(tmpdir(), 'plugfleet-bench-ui-'))
  const preview = await launchWebPreview({
    env: {
      PLUGCHOICE_API_BASE: sim.baseUrl,
      PLUGFLEET_USER_DATA: userDataDir,
      PLUGFLEET_KEYCHAIN_SERVICE: `plugfleet-bench-${randomBytes(4).toString('hex')}`,
    },
  })
  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: CHROMIUM_ARGS,
  })
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.addInitScript({ path: fileURLToPath(new URL('./renderer-probe.js', import.meta.url)) })
    await page.goto(preview.url)
    await page.getByLabel('Personal access token').fill(sim.token)
    await page.getByRole('button', { name: 'Sign in' }).click()
    const total = page.getByText(new RegExp(`${chargers.toLocaleString('en-US')} chargers|${chargers} chargers`))
    await total.first().waitFor({ timeout: 120_000 })

    // A fresh window on a main process that has the fleet: the snapshot arrives whole, then rows paint.
    await page.reload()
    await page.waitForFunction(
      () => {
        const probe = (window as unknown as ProbeWindow).__probe
        return probe.firstRowsAt !== null && probe.countLineAt !== null
      },
      null,
      { timeout: 60_000 },
    )
    const arrival = await page.evaluate(() => {
      const p = (window as unknown as ProbeWindow).__probe
      // firstRowsAt is on the reloaded page's clock, which starts at its navigation: the whole reload.
      return {
        firstRowsMs: p.firstRowsAt! - p.bodyInPageAt!,
        bodyTransferMs: p.bodyInPageAt! - p.snapshotAt!,
        reloadMs: p.firstRowsAt!,
        reloadToCountLineMs: p.countLineAt!,
      }
    })

    const search = await timeInputs(page, 'search')
    const filter = await timeInputs(page, 'filter')
    const maxRowElements = await rowElementsWhileScrolling(page)
    const delta = await deltaEffect(page, sim)
    const heapMB = await heapUsedMB(page)
    return {
      chargers,
      firstRowsMs: round(arrival.firstRowsMs),
      bodyTransferMs: round(arrival.bodyTransferMs),
      reloadMs: round(arrival.reloadMs),
      reloadToCountLineMs: round(arrival.reloadToCountLineMs),
      searchP95Ms: round(percentile(search, 95)),
      searchMedianMs: round(median(search)),
      filterP95Ms: round(percentile(filter, 95)),
      filterMedianMs: round(median(filter)),
      maxRowElements,
      ...delta,
      heapMB: round(heapMB),
    }
  } finally {
    await browser.close()
    await preview.stop()
    await sim.stop()
    await rm(userDataDir, { recursive: true, force: true })
  }
}

async function timeInputs(page: Page, kind: 'search' | 'filter'): Promise<number[]> {
  if (kind === 'search') await page.getByLabel('Search chargers').first().focus()
  return page.evaluate((kind) => (window as unknown as ProbeWindow).__probe.timeInputs(kind), kind)
}

async function rowElementsWhileScrolling(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as ProbeWindow).__probe.rowElementsWhileScrolling())
}

/** 10 chargers change upstream, the app refreshes: how many row elements did the list throw away? */
async function deltaEffect(page: Page, sim: Awaited<ReturnType<typeof startSimulatedApi>>) {
  const rowsTotalBeforeDelta = await page.evaluate(() => document.querySelectorAll('[role="row"]').length)
  // Change chargers that are on screen, so their rows must update.
  const onScreen = await page.evaluate(() =>
    [...document.querySelectorAll('[role="row"]')].map((row) => row.textContent ?? ''),
  )
  const targets = sim.fleet.filter((c) => onScreen.some((text) => c.identity && text.includes(c.identity))).slice(0, 10)
  for (const charger of targets) sim.updateCharger(charger.uuid, { max_current: (charger.max_current ?? 16) + 1 })
  await page.evaluate(() => ((window as unknown as ProbeWindow).__probe.removedRows = 0))
  const revision = await fleetRevision(page)
  await page
    .getByRole('button', { name: /^Refresh/ })
    .first()
    .click()
  const deadline = Date.now() + 60_000
  while ((await fleetRevision(page)) === revision && Date.now() < deadline) await page.waitForTimeout(100)
  await page.waitForTimeout(500)
  const rowsRecreatedByDelta = await page.evaluate(() => (window as unknown as ProbeWindow).__probe.removedRows)
  return { deltaChangedChargers: targets.length, rowsRecreatedByDelta, rowsTotalBeforeDelta }
}

/** The main process's fleet revision, asked through the bridge like the renderer does. */
async function fleetRevision(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const secret = sessionStorage.getItem('plugfleet-secret') ?? ''
    const response = await fetch('/ipc/fleet:snapshot', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Plugfleet-Secret': secret },
      body: '{}',
    })
    return ((await response.json()) as { data: { status: { revision: number } } }).data.status.revision
  })
}

async function heapUsedMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  return usedSize / (1024 * 1024)
}

const round = (value: number) => Math.round(value * 10) / 10

interface Probe {
  snapshotAt: number | null
  bodyInPageAt: number | null
  firstRowsAt: number | null
  countLineAt: number | null
  removedRows: number
  timeInputs(kind: 'search' | 'filter'): Promise<number[]>
  rowElementsWhileScrolling(): Promise<number>
}
type ProbeWindow = { __probe: Probe }
