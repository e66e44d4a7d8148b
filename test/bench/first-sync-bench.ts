// A first sync of a big fleet against a server that ignores `per_page` (issue 9): 10,000 chargers served 25 a
// page with 50 ms added to every answer. The app's time is printed next to its lower bound, the slower of
// ⌈pages ÷ concurrency⌉ × latency and what the reserve of the request budget allows, and the target is to
// stay within 10 % of it without read-ahead requests the budget needs. Also: how soon after the first page
// the window is sent its first rows (FleetApp's first fleet:delta), through the real app.
// Runnable on its own: `npx tsx test/bench/first-sync-bench.ts`.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Agent } from 'undici'
import { PlugchoiceClient } from '@main/api/plugchoice-client'
import { startSimulatedApi } from '@main/sim/index'
import { FleetSyncer } from '@main/sync/fleet-sync'
import { DEFAULT_RESERVE, DEFAULT_WINDOW_MS, RateBudget } from '@main/sync/rate-budget'
import { openTestApp } from '../integration/test-app'

export interface FirstSyncBench {
  chargers: number
  pages: number
  latencyMs: number
  concurrency: number
  oursMs: number
  boundMs: number
  /** oursMs ÷ boundMs: the target is ≤ 1.1. */
  ratio: number
  requests: number
  wastedRequests: number
  /** Pauses for the rate budget during the walk (none is needed when the pages fit in the budget). */
  budgetWaits: number
  /** From the first page's answer to the window's first rows (fleet:delta) in the real app. */
  firstRowsAfterFirstPageMs: number
}

const FLEET = 10_000
const LATENCY_MS = 50
const PER_PAGE = 25
const LIMIT = 500
const READ_AHEAD = 4

/** ⌈pages ÷ concurrency⌉ × latency, or a refill of the window for each budget's worth of pages past the first. */
export function lowerBoundMs(pages: number, concurrency: number, latencyMs: number): number {
  const byLatency = Math.ceil(pages / concurrency) * latencyMs
  const perWindow = LIMIT - DEFAULT_RESERVE
  const byBudget = Math.floor((pages - 1) / perWindow) * DEFAULT_WINDOW_MS
  return Math.max(byLatency, byBudget)
}

export async function benchFirstSync(): Promise<FirstSyncBench> {
  const options = { fleetSize: FLEET, seed: 909, latencyMs: LATENCY_MS, maxPerPage: 0 }
  const sim = await startSimulatedApi(options)
  const dispatcher = new Agent({ keepAliveTimeout: 30_000 })
  try {
    const client = new PlugchoiceClient({ base: new URL(sim.baseUrl), token: sim.token, dispatcher })
    const syncer = new FleetSyncer({ client, budget: new RateBudget(), readAhead: READ_AHEAD })
    let budgetWaits = 0
    const started = performance.now()
    const result = await syncer.sync({ onWait: (wait) => void (wait.reason === 'rate-budget' && budgetWaits++) })
    const oursMs = performance.now() - started
    if (result.chargers.length !== FLEET) throw new Error(`read ${result.chargers.length} of ${FLEET} chargers`)
    if (result.perPage !== PER_PAGE) throw new Error(`the server gave ${result.perPage} a page, not ${PER_PAGE}`)
    const boundMs = lowerBoundMs(result.pages, READ_AHEAD, LATENCY_MS)
    return {
      chargers: result.chargers.length,
      pages: result.pages,
      latencyMs: LATENCY_MS,
      concurrency: READ_AHEAD,
      oursMs: Math.round(oursMs),
      boundMs,
      ratio: Math.round((oursMs / boundMs) * 1000) / 1000,
      requests: result.requests,
      wastedRequests: result.wastedRequests,
      budgetWaits,
      firstRowsAfterFirstPageMs: await firstRowsAfterFirstPage(options),
    }
  } finally {
    await sim.stop()
    await dispatcher.close()
  }
}

/** A fresh sim (a whole rate window) and a fresh app with nothing cached: sign in, time the first delta. */
async function firstRowsAfterFirstPage(options: Parameters<typeof startSimulatedApi>[0]): Promise<number> {
  const sim = await startSimulatedApi(options)
  const dir = await mkdtemp(join(tmpdir(), 'plugfleet-bench-first-'))
  const app = await openTestApp(sim, { userDataDir: dir })
  try {
    await app.start()
    const firstRows = new Promise<number>((resolve) => {
      const off = app.on('fleet:delta', () => {
        off()
        resolve(Date.now())
      })
    })
    await app.handlers['auth:sign-in']({ token: sim.token })
    const rowsAt = await firstRows
    const firstPage = sim.requests.find((entry) => entry.path.includes('/chargers'))
    if (!firstPage) throw new Error('no page was asked for')
    // The simulator logs when a request came in; its answer left `latencyMs` later.
    return Math.max(0, rowsAt - (firstPage.time + (options?.latencyMs ?? 0)))
  } finally {
    await app.stop()
    await sim.stop()
    await rm(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const f = await benchFirstSync()
  console.log(
    `first sync of ${f.chargers.toLocaleString('en-US')} chargers, ${f.pages} pages of ${PER_PAGE} (per_page ignored), ${f.latencyMs} ms latency`,
  )
  console.log(
    `  ours ${f.oursMs} ms vs lower bound ${f.boundMs} ms (⌈${f.pages} ÷ ${f.concurrency}⌉ × ${f.latencyMs} ms, budget allows it), ×${f.ratio}`,
  )
  console.log(`  ${f.requests} requests, ${f.wastedRequests} wasted, ${f.budgetWaits} waits for the rate budget`)
  console.log(`  first rows sent to the window ${f.firstRowsAfterFirstPageMs} ms after the first page`)
  console.log(JSON.stringify({ firstSync: f }))
}
