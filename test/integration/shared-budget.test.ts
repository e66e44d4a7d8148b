// One request budget per signed-in session: the real FleetApp against the simulated API over real HTTP. A user
// clicking through twenty chargers spends the same budget that polling spends, so the next poll waits for
// Plugchoice's window instead of pushing the user over the limit.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { FleetApp } from '@main/core/fleet-app'
import { startSimulatedApi, type SimulatedApi } from '@main/sim/index'
import { FleetSyncer } from '@main/sync/fleet-sync'
import { DEFAULT_RESERVE } from '@main/sync/rate-budget'
import type { Sleep } from '@main/sync/page-retry'
import { openTestApp, syncedAfter } from './test-app'

let sim: SimulatedApi
let dir: string
let app: FleetApp
/** What the sync was told to wait for the budget, recorded, not slept. */
let pollWaits: number[]

beforeEach(async () => {
  sim = await startSimulatedApi({ fleetSize: 60, seed: 21 })
  dir = await mkdtemp(join(tmpdir(), 'plugfleet-budget-'))
  pollWaits = []
  const sleep: Sleep = async (ms) => void pollWaits.push(ms)
  app = await openTestApp(sim, {
    userDataDir: dir,
    createSyncer: (client, budget) => new FleetSyncer({ client, budget, sleep }),
  })
})
afterEach(async () => {
  await app.stop()
  await sim.stop()
  await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 })
})

it('counts detail reads in the budget polling uses: after twenty chargers, the next poll waits for the window', async () => {
  await app.start()
  await app.handlers['auth:sign-in']({ token: sim.token })
  const first = await syncedAfter(app, null)
  expect(pollWaits.filter((ms) => ms > 0)).toEqual([])

  // The user's other tools have spent the minute down to the reserve plus the twenty reads about to happen.
  const twenty = first.chargers.slice(0, 20)
  sim.useRateLimitBudget(sim.rateLimitRemaining() - (DEFAULT_RESERVE + twenty.length))
  for (const charger of twenty) await app.handlers['charger:detail']({ uuid: charger.uuid })
  const details = sim.requests.filter((r) => r.method === 'GET' && /^\/api\/v3\/chargers\/[^/]+$/.test(r.path))
  expect(details).toHaveLength(twenty.length)

  app.refreshNow('user')
  await syncedAfter(app, first.status.sync.lastSuccessAt)
  // Only what the detail reads told the budget can make this poll wait: polling itself last saw plenty left.
  expect(pollWaits.some((ms) => ms > 30_000)).toBe(true)
})
