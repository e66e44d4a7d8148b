// A simulated day: a fleet polled for `hours` of virtual time by the real FleetApp against the simulated API over
// real HTTP, with the simulator's dynamics and a script of bad luck: a burst of 5xx, 429s with Retry-After,
// connection resets, a 10-minute outage of every charger, a laptop asleep for 2 h and resumed, a token revoked
// and then replaced. Time is virtual (one clock for the app, its rate budget, the syncer's sleeps and the
// simulator's rate limit), so 24 h take minutes. Used by `npm run bench` and by test/integration/simulated-day.test.ts.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { FleetApp } from '@main/core/fleet-app'
import type { Charger } from '@shared/plugchoice-schemas'
import { TokenVault } from '@main/secrets/token-vault'
import { SeededRandom } from '@main/sim/seeded-random'
import { startSimulatedApi } from '@main/sim/index'
import { FleetSyncer } from '@main/sync/fleet-sync'
import { RateBudget } from '@main/sync/rate-budget'
import { VirtualClock } from './virtual-clock'

export interface DayOptions {
  hours: number
  fleetSize: number
  seed?: number
  /** Chargers changing state per simulated minute. */
  changesPerMinute?: number
}

export interface MemorySample {
  heapMB: number
  rssMB: number
}

export interface DayFigures {
  hours: number
  fleetSize: number
  requests: number
  requestsPerMinuteMax: number
  requestsPerMinuteMean: number
  /** The highest minute outside the 10 minutes after a scripted fault, resume or sign-in. */
  steadyRequestsPerMinuteMax: number
  http429: number
  /** 429s the simulator's rate limit gave (not injected by the script): the app's own doing. */
  http429CausedByApp: number
  notifications: number
  /** Notifications shown for the 10-minute outage of every charger (one digest each way is the aim). */
  outageNotifications: number
  syncs: number
  failedSyncs: number
  memory: { start: MemorySample; hour1: MemorySample | null; end: MemorySample }
  heapGrowthAfterHour1MB: number | null
  unhandledRejections: number
  realSeconds: number
}

const MINUTE = 60_000
const gc = (() => {
  setFlagsFromString('--expose-gc')
  return runInNewContext('gc') as () => void
})()

function memory(): MemorySample {
  gc()
  const usage = process.memoryUsage()
  return { heapMB: round(usage.heapUsed / 1e6), rssMB: round(usage.rss / 1e6) }
}
const round = (value: number) => Math.round(value * 10) / 10

export async function simulateDay(options: DayOptions): Promise<DayFigures> {
  const realStart = Date.now()
  const clock = new VirtualClock(Date.UTC(2026, 5, 1, 6))
  const start = clock.now()
  const random = new SeededRandom(options.seed ?? 24)
  let unhandled = 0
  const onUnhandled = () => void unhandled++
  process.on('unhandledRejection', onUnhandled)
  const sim = await startSimulatedApi({ fleetSize: options.fleetSize, seed: options.seed ?? 24, clock: clock.now })
  const dir = await mkdtemp(join(tmpdir(), 'plugfleet-day-'))
  let secret: string | null = null
  const app = await FleetApp.open({
    userDataDir: dir,
    apiBase: new URL(sim.baseUrl),
    vault: new TokenVault({
      get: async () => secret,
      set: async (value) => void (secret = value),
      delete: async () => secret !== (secret = null),
    }),
    ports: { saveExport: async () => ({ status: 'cancelled' }), openExternal: async () => false },
    clock,
    createSyncer: (client) =>
      new FleetSyncer({
        client,
        budget: new RateBudget({ now: clock.now }),
        sleep: clock.sleep,
        random: () => random.next(),
      }),
    log: () => {},
  })
  let notifications = 0
  let outageNotifications = 0
  let inOutage = false
  app.on('notify', () => {
    notifications++
    if (inOutage) outageNotifications++
  })
  let syncs = 0
  let failedSyncs = 0
  let wasSyncing = false
  app.on('fleet:status', (status) => {
    if (wasSyncing && status.sync.state !== 'syncing') {
      syncs++
      if (status.sync.state === 'error') failedSyncs++
    }
    wasSyncing = status.sync.state === 'syncing'
  })

  /** Lets the app finish what the last timer started (HTTP is real, time is not). */
  const settle = async () => {
    // Done when no sync is under way and the next one is scheduled (or polling has stopped: a revoked token).
    const deadline = Date.now() + 30_000
    for (let quiet = 0; quiet < 3 && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 1))
      const status = app.fleetStatus()
      const done = status.sync.state !== 'syncing' && (status.sync.nextSyncAt !== null || !status.poll.running)
      quiet = done ? quiet + 1 : 0
    }
  }

  const injected429 = { count: 0 }
  const unsteadyUntil: number[] = []
  const mark = () => unsteadyUntil.push(clock.now() + 10 * MINUTE)
  let beforeOutage: Charger[] = []
  const script = new Map<number, () => Promise<void> | void>([
    [60, () => sim.failNext(503, 6)],
    [
      120,
      () => {
        sim.failNext(429, 3, JSON.stringify({ message: 'Too Many Attempts.' }))
        injected429.count += 3
      },
    ],
    [180, () => sim.dropNext(5)],
    [
      240,
      () => {
        inOutage = true
        beforeOutage = [...sim.fleet]
        const at = new Date(clock.now()).toISOString()
        sim.setFleet(beforeOutage.map((c) => ({ ...c, connection_status: 'offline', last_disconnection_at: at })))
      },
    ],
    [250, () => sim.setFleet(beforeOutage)],
    [265, () => void (inOutage = false)],
    [
      480,
      () => {
        // Asleep for 2 h: no timer fires, then the system says it resumed.
        clock.jump(2 * 60 * MINUTE)
        app.refreshNow('resume')
      },
    ],
    [720, () => sim.revokeToken()],
    [
      730,
      async () => {
        sim.setToken('2|replaced-token-for-the-simulated-day')
        await app.handlers['auth:sign-in']({ token: '2|replaced-token-for-the-simulated-day' })
      },
    ],
  ])

  // The simulator (a stand-in for Plugchoice's server, in this process) logs every request it receives; over a
  // day at 5,000 chargers that log alone is ~70,000 entries and would count as "heap growth" of the app. The
  // figures are folded in here every minute and the answered entries dropped, so the heap measured is the app's
  // (plus a constant simulator), not a server's request log.
  const perMinute = new Map<number, number>()
  let requestCount = 0
  let http429 = 0
  const drainRequests = (all = false) => {
    const pending = all
      ? []
      : sim.requests.filter((request) => request.status === null && request.time >= clock.now() - MINUTE)
    for (const request of sim.requests) {
      if (pending.includes(request)) continue
      const at = Math.floor((request.time - start) / MINUTE)
      perMinute.set(at, (perMinute.get(at) ?? 0) + 1)
      requestCount++
      if (request.status === 429) http429++
    }
    sim.requests.length = 0
    sim.requests.push(...pending)
  }

  const mem: DayFigures['memory'] = { start: memory(), hour1: null, end: memory() }
  await app.start()
  await app.handlers['auth:sign-in']({ token: sim.token })
  await settle()
  const end = start + options.hours * 60 * MINUTE
  let minute = 0
  while (clock.now() < end) {
    const nextMinute = start + (minute + 1) * MINUTE
    while ((clock.nextTimerAt() ?? Infinity) <= nextMinute) {
      await clock.fireNext()
      await settle()
    }
    clock.setTo(Math.max(clock.now(), nextMinute))
    minute = Math.floor((clock.now() - start) / MINUTE)
    // No other changes during the outage window: what it notifies is the outage's alone.
    if (!inOutage) sim.tick(options.changesPerMinute ?? 3)
    const step = script.get(minute)
    if (step) {
      script.delete(minute)
      await step()
      mark()
      await settle()
    }
    drainRequests()
    if (minute === 60) mem.hour1 = memory()
  }
  drainRequests()
  mem.end = memory()
  await app.stop()
  await sim.stop()
  await rm(dir, { recursive: true, force: true })
  // Let late rejections surface before counting.
  await new Promise((resolve) => setTimeout(resolve, 50))
  process.off('unhandledRejection', onUnhandled)
  drainRequests(true)
  const minutes = Math.max(1, Math.ceil((clock.now() - start) / MINUTE))
  const counts = [...perMinute.values()]
  const steady = [...perMinute.entries()]
    .filter(
      ([at]) =>
        at > 5 &&
        !unsteadyUntil.some((until) => start + at * MINUTE < until && start + at * MINUTE >= until - 10 * MINUTE),
    )
    .map(([, count]) => count)
  return {
    hours: options.hours,
    fleetSize: options.fleetSize,
    requests: requestCount,
    requestsPerMinuteMax: Math.max(0, ...counts),
    requestsPerMinuteMean: round(requestCount / minutes),
    steadyRequestsPerMinuteMax: Math.max(0, ...steady),
    http429,
    http429CausedByApp: Math.max(0, http429 - injected429.count),
    notifications,
    outageNotifications,
    syncs,
    failedSyncs,
    memory: mem,
    heapGrowthAfterHour1MB: mem.hour1 ? round(mem.end.heapMB - mem.hour1.heapMB) : null,
    unhandledRejections: unhandled,
    realSeconds: Math.round((Date.now() - realStart) / 1000),
  }
}
