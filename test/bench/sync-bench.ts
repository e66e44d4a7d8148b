// Sync speed: 5,000 chargers from the simulated API with 100 ms added to every answer, read by the sync
// engine and by the naive loop that the API docs and the existing open-source client use (follow links.next
// one page at a time, default 25 per page), in the same run, against servers configured alike.
// Runnable on its own: `npx tsx test/bench/sync-bench.ts`.
import { pathToFileURL } from 'node:url'
import { Agent, request } from 'undici'
import { PlugchoiceClient } from '@main/api/plugchoice-client'
import { FleetSyncer } from '@main/sync/fleet-sync'
import { effectiveIntervalMs, DEFAULT_REQUESTS_PER_MINUTE } from '@main/sync/poll-scheduler'
import { RateBudget } from '@main/sync/rate-budget'
import { startSimulatedApi, type SimulatedApi } from '@main/sim/index'

export interface SyncBench {
  chargers: number
  /** One request's round trip on this set-up (median of a few): the floor of any page read. */
  rttMs: number
  oursMs: number
  naiveMs: number
  /** oursMs / naiveMs: lower is better (target ≤ 0.25, aim 0.1). */
  ratio: number
  requests: number
  http429: number
  wastedRequests: number
  /** What the poll scheduler holds for this fleet: requests per poll ÷ its effective interval in minutes. */
  steadyRequestsPerMinute: number
  /** Extra context: pages and page size of our sync, requests of the naive loop. */
  pages: number
  perPage: number
  naiveRequests: number
}

const FLEET = 5_000
const LATENCY_MS = 100
const USER_INTERVAL_MS = 60_000

export async function benchSync(): Promise<SyncBench> {
  // One simulator per contender: each starts with a whole rate-limit window and the same fleet.
  const ours = await startSimulatedApi({ fleetSize: FLEET, seed: 42, latencyMs: LATENCY_MS })
  const naive = await startSimulatedApi({ fleetSize: FLEET, seed: 42, latencyMs: LATENCY_MS, token: ours.token })
  const dispatcher = new Agent({ keepAliveTimeout: 30_000 })
  try {
    const rttMs = await measureRtt(ours, dispatcher)

    const client = new PlugchoiceClient({ base: new URL(ours.baseUrl), token: ours.token, dispatcher })
    const syncer = new FleetSyncer({ client, budget: new RateBudget() })
    let started = performance.now()
    const result = await syncer.sync()
    const oursMs = performance.now() - started
    if (result.chargers.length !== FLEET)
      throw new Error(`our sync read ${result.chargers.length} of ${FLEET} chargers`)

    started = performance.now()
    const naiveResult = await naiveSync(naive, dispatcher)
    const naiveMs = performance.now() - started
    if (naiveResult.chargers !== FLEET)
      throw new Error(`the naive loop read ${naiveResult.chargers} of ${FLEET} chargers`)

    const interval = effectiveIntervalMs(USER_INTERVAL_MS, result.requests, DEFAULT_REQUESTS_PER_MINUTE)
    return {
      chargers: result.chargers.length,
      rttMs: round(rttMs, 1),
      oursMs: Math.round(oursMs),
      naiveMs: Math.round(naiveMs),
      ratio: round(oursMs / naiveMs, 3),
      requests: result.requests,
      http429: result.http429,
      wastedRequests: result.wastedRequests,
      steadyRequestsPerMinute: round(result.requests / (interval / 60_000), 1),
      pages: result.pages,
      perPage: result.perPage,
      naiveRequests: naiveResult.requests,
    }
  } finally {
    await Promise.all([ours.stop(), naive.stop()])
    await dispatcher.close()
  }
}

/** What the API docs show and existing clients do: follow links.next one page at a time, 25 per page. */
async function naiveSync(api: SimulatedApi, dispatcher: Agent): Promise<{ chargers: number; requests: number }> {
  let url: string | null = `${api.baseUrl}/chargers`
  let chargers = 0
  let requests = 0
  while (url) {
    const response = await request(url, {
      headers: { accept: 'application/json', authorization: `Bearer ${api.token}` },
      dispatcher,
    })
    requests++
    if (response.statusCode !== 200) throw new Error(`the naive loop got HTTP ${response.statusCode}`)
    const page = (await response.body.json()) as { data: unknown[]; links: { next: string | null } }
    chargers += page.data.length
    url = page.links.next
  }
  return { chargers, requests }
}

/** Median time of a small GET (after one to open the connection). */
async function measureRtt(api: SimulatedApi, dispatcher: Agent): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < 4; i++) {
    const started = performance.now()
    const response = await request(`${api.baseUrl}/user`, {
      headers: { accept: 'application/json', authorization: `Bearer ${api.token}` },
      dispatcher,
    })
    await response.body.dump()
    if (i > 0) times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)] as number
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await benchSync()
  console.log(
    `sync of ${figures.chargers.toLocaleString('en-US')} chargers, ${LATENCY_MS} ms added latency (rtt ${figures.rttMs} ms)`,
  )
  console.log(
    `  ours:  ${figures.oursMs} ms, ${figures.requests} requests (${figures.pages} pages of ${figures.perPage}, ${figures.wastedRequests} wasted), ${figures.http429} × 429`,
  )
  console.log(`  naive: ${figures.naiveMs} ms, ${figures.naiveRequests} requests (links.next one by one, 25 per page)`)
  console.log(`  ratio ours/naive: ${figures.ratio}; steady state ${figures.steadyRequestsPerMinute} requests/min`)
  console.log(JSON.stringify({ sync: figures }))
}
