// The list's speed in real Chromium, through the web preview, with a 10,000-charger fleet (issue 5):
// first rows after the snapshot arrives, repaint after a search keystroke or a filter click (p95 of 50),
// row elements in the DOM while scrolling, what a 10-charger sync does to the DOM, and the JS heap.
import { chromium, type Page } from '@playwright/test'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { startSimulatedApi } from '../../electron/main/sim/index'
import { launchWebPreview } from '../e2e/web-preview-process'
import { median, percentile } from './stats'

export interface RendererBench {
  chargers: number
  firstRowsMs: number
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

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage']

/** Installed before the app's scripts: notes when the snapshot body has fully arrived and when rows appear. */
const INSTRUMENT = () => {
  const bench: { snapshotAt: number | null; firstRowsAt: number | null } = { snapshotAt: null, firstRowsAt: null }
  ;(window as unknown as { __bench: typeof bench }).__bench = bench
  const realFetch = window.fetch.bind(window)
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await realFetch(input, init)
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    if (!url.includes('/ipc/fleet:snapshot')) return response
    const body = await response.text()
    if (body.length > 1_000_000) bench.snapshotAt = performance.now()
    return new Response(body, { status: response.status, headers: response.headers })
  }
  new MutationObserver(() => {
    if (bench.snapshotAt === null || bench.firstRowsAt !== null) return
    if (document.querySelectorAll('[role="row"]').length > 5) {
      requestAnimationFrame(() => setTimeout(() => (bench.firstRowsAt ??= performance.now()), 0))
    }
  }).observe(document, { childList: true, subtree: true })
}

export async function benchRenderer(chargers = 10_000): Promise<RendererBench> {
  const sim = await startSimulatedApi({ fleetSize: chargers, seed: 10_000, rateLimit: { limit: 100_000, windowMs: 60_000 } })
  const userDataDir = await mkdtemp(join(tmpdir(), 'plugfleet-bench-ui-'))
  const preview = await launchWebPreview({
    env: {
      PLUGCHOICE_API_BASE: sim.baseUrl,
      PLUGFLEET_USER_DATA: userDataDir,
      PLUGFLEET_KEYCHAIN_SERVICE: `plugfleet-bench-${randomBytes(4).toString('hex')}`,
    },
  })
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS })
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.addInitScript(INSTRUMENT)
    await page.goto(preview.url)
    await page.getByLabel('Personal access token').fill(sim.token)
    await page.getByRole('button', { name: 'Sign in' }).click()
    const total = page.getByText(new RegExp(`${chargers.toLocaleString('en-US')} chargers|${chargers} chargers`))
    await total.first().waitFor({ timeout: 120_000 })

    // A fresh window on a main process that has the fleet: the snapshot arrives whole, then rows paint.
    await page.reload()
    await page.waitForFunction(() => (window as unknown as { __bench: { firstRowsAt: number | null } }).__bench.firstRowsAt !== null, null, { timeout: 60_000 })
    const firstRowsMs = await page.evaluate(() => {
      const bench = (window as unknown as { __bench: { snapshotAt: number; firstRowsAt: number } }).__bench
      return bench.firstRowsAt - bench.snapshotAt
    })

    const search = await timeInputs(page, 'search')
    const filter = await timeInputs(page, 'filter')
    const maxRowElements = await rowElementsWhileScrolling(page)
    const delta = await deltaEffect(page, sim)
    const heapMB = await heapUsedMB(page)
    return {
      chargers,
      firstRowsMs: round(firstRowsMs),
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

/** 50 inputs, each timed from the event to the frame after the DOM settled (rAF, then a task). */
async function timeInputs(page: Page, kind: 'search' | 'filter'): Promise<number[]> {
  if (kind === 'search') await page.getByRole('searchbox', { name: 'Search chargers' }).or(page.getByLabel('Search chargers')).first().focus()
  return page.evaluate(async (kind) => {
    const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
    const times: number[] = []
    const queries = ['a', 'al', 'alf', 'alfe', 'alfen', 'depot', 'dep', 'ground', 'gro', 'z', 'za', 'zap', 'eve', '1.', 'fault', '']
    const input = document.activeElement as HTMLInputElement
    const filterButtons = [...document.querySelectorAll<HTMLButtonElement>('button[aria-pressed]')]
    for (let i = 0; i < 50; i++) {
      const started = performance.now()
      if (kind === 'search') {
        input.value = queries[i % queries.length]!
        input.dispatchEvent(new Event('input', { bubbles: true }))
      } else {
        filterButtons[i % filterButtons.length]!.click()
      }
      await frame()
      times.push(performance.now() - started)
    }
    if (kind === 'search') {
      input.value = ''
      input.dispatchEvent(new Event('input', { bubbles: true }))
    } else {
      for (const button of filterButtons) if (button.getAttribute('aria-pressed') === 'true') button.click()
    }
    await frame()
    return times
  }, kind)
}

async function rowElementsWhileScrolling(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
    const grid = document.querySelector('[role="grid"], [role="table"], table')!
    const scrollers = [grid, ...grid.querySelectorAll('*')].filter((el) => el.scrollHeight > el.clientHeight + 10 && getComputedStyle(el).overflowY !== 'visible')
    const scroller = (scrollers[0] ?? document.scrollingElement!) as HTMLElement
    let max = 0
    for (const fraction of [0, 0.1, 0.33, 0.5, 0.77, 0.99, 1]) {
      scroller.scrollTop = fraction * (scroller.scrollHeight - scroller.clientHeight)
      await frame()
      await frame()
      max = Math.max(max, document.querySelectorAll('[role="row"]').length)
    }
    scroller.scrollTop = 0
    await frame()
    return max
  })
}

/** 10 chargers change upstream, the app refreshes: how many row elements did the list throw away? */
async function deltaEffect(page: Page, sim: Awaited<ReturnType<typeof startSimulatedApi>>) {
  const rowsTotalBeforeDelta = await page.evaluate(() => document.querySelectorAll('[role="row"]').length)
  await page.evaluate(() => {
    const counts = ((window as unknown as { __delta: { removedRows: number } }).__delta = { removedRows: 0 })
    new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.removedNodes) if (node instanceof Element && node.getAttribute('role') === 'row') counts.removedRows++
    }).observe(document.body, { childList: true, subtree: true })
  })
  // Change chargers that are on screen (the first ones of the list as sorted), so their rows must update.
  const visibleIdentities = await page.evaluate(() =>
    [...document.querySelectorAll('[role="row"]')].slice(1, 11).map((row) => row.textContent ?? ''),
  )
  const targets = sim.fleet.filter((c) => visibleIdentities.some((text) => c.identity && text.includes(c.identity))).slice(0, 10)
  for (const charger of targets) sim.updateCharger(charger.uuid, { max_current: (charger.max_current ?? 16) + 1, updated_at: new Date().toISOString() })
  const before = await page.evaluate(() => document.body.innerText.length)
  await page.getByRole('button', { name: /^Refresh/ }).first().click()
  await page.waitForFunction(
    (before) => document.body.innerText.length !== before || (window as unknown as { __delta: { removedRows: number } }).__delta.removedRows > 0,
    before,
    { timeout: 60_000 },
  ).catch(() => undefined)
  await page.waitForTimeout(1_500)
  const rowsRecreatedByDelta = await page.evaluate(() => (window as unknown as { __delta: { removedRows: number } }).__delta.removedRows)
  return { deltaChangedChargers: targets.length, rowsRecreatedByDelta, rowsTotalBeforeDelta }
}

async function heapUsedMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  return usedSize / (1024 * 1024)
}

const round = (value: number) => Math.round(value * 10) / 10
