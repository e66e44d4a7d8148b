// A first sync of a big fleet with nothing cached (issue 9): rows travel page by page as small deltas, the
// tray says it is still loading, nothing notifies before the fleet is complete, and the cache is written only
// then. And what a failed attempt and a held-back refresh tell the window at once, without waiting for a poll.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FleetApp } from '@main/core/fleet-app'
import { startSimulatedApi, type SimulatedApi } from '@main/sim/index'
import { FleetSyncer } from '@main/sync/fleet-sync'
import { RateBudget } from '@main/sync/rate-budget'
import { trayView } from '@main/tray/tray-policy'
import type { FleetDelta, FleetStatus } from '@shared/app-schemas'
import { openTestApp, syncedAfter } from './test-app'

let sim: SimulatedApi
let dir: string
const apps: FleetApp[] = []

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plugfleet-first-sync-'))
})

afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop()
  await sim.stop()
  await rm(dir, { recursive: true, force: true })
})

async function open(deps: Parameters<typeof openTestApp>[1] = { userDataDir: dir }): Promise<FleetApp> {
  const app = await openTestApp(sim, deps)
  apps.push(app)
  await app.start()
  return app
}

describe('a first sync with nothing cached', () => {
  it('shows rows as pages arrive, says the tray is still loading, and notifies nothing until complete', async () => {
    // 1,000 chargers, 25 a page whatever is asked: 40 pages, each a little slow.
    sim = await startSimulatedApi({ fleetSize: 1_000, seed: 9, latencyMs: 15, maxPerPage: 0 })
    const app = await open()
    const deltas: FleetDelta[] = []
    const partialTotals: number[] = []
    const trayLines: string[] = []
    const notified: unknown[] = []
    app.on('fleet:delta', (delta) => deltas.push(delta))
    app.on('fleet:status', (status: FleetStatus) => {
      if (status.source === 'partial') partialTotals.push(status.total)
    })
    app.on('tray', (state) => trayLines.push(trayView(state).tooltip))
    app.on('notify', (spec) => notified.push(spec))

    await app.handlers['auth:sign-in']({ token: sim.token })
    const done = await syncedAfter(app, null)

    expect(done.chargers).toHaveLength(1_000)
    expect(done.status.source).toBe('live')
    // Rows came in several small deltas before the whole fleet was in, each only the new chargers.
    const partial = deltas.slice(0, -1)
    expect(partial.length).toBeGreaterThanOrEqual(2)
    expect(partial[0]!.upserted.length).toBe(25)
    expect(Math.max(...partial.map((d) => d.upserted.length))).toBeLessThan(1_000)
    expect(partialTotals[0]).toBeGreaterThan(0)
    expect(partialTotals.at(-1)).toBeGreaterThan(partialTotals[0]!)
    expect(trayLines.some((line) => line.includes('still loading your chargers'))).toBe(true)
    expect(notified).toEqual([])
  })

  it('keeps the offline copy unwritten until every page is in, and what a failed first sync read on screen', async () => {
    sim = await startSimulatedApi({ fleetSize: 300, seed: 4, maxPerPage: 0 })
    sim.malformPage(7, 'not-json')
    const app = await open()
    await app.handlers['auth:sign-in']({ token: sim.token })
    let status: FleetStatus
    for (;;) {
      status = app.fleetStatus()
      if (status.sync.state === 'error') break
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    // Six pages were read before page 7 broke: shown, counted as "so far", and not cached as a fleet.
    expect(status.source).toBe('partial')
    expect(status.total).toBe(150)
    expect(status.fetchedAt).toBeNull()
    const files = await readdir(dir, { recursive: true })
    expect(files.filter((name) => String(name).startsWith('fleet-cache') && String(name).endsWith('.json'))).toEqual([])
    expect(trayView(app.trayState()).tooltip).toContain('not fully loaded (150 chargers so far)')
  })
})

describe('what the window hears at once', () => {
  it('a failed attempt turns the list stale while the page waits to be tried again', async () => {
    sim = await startSimulatedApi({ fleetSize: 60, seed: 5 })
    // Retries wait until the test lets them go: what the window sees meanwhile is the point.
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const app = await open({
      userDataDir: dir,
      createSyncer: (client) => new FleetSyncer({ client, budget: new RateBudget(), sleep: () => held }),
    })
    await app.handlers['auth:sign-in']({ token: sim.token })
    const first = await syncedAfter(app, null)
    sim.failNext(503, 1)
    app.refreshNow('user')
    let status = app.fleetStatus()
    for (let i = 0; i < 250 && status.sync.waiting === null; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20))
      status = app.fleetStatus()
    }
    expect(status.sync.state).toBe('syncing')
    expect(status.sync.waiting?.reason).toBe('retry')
    expect(status.sync.lastError?.code).toBe('server-error')
    expect(status.stale).toBe(true)
    release()
    const after = await syncedAfter(app, first.status.sync.lastSuccessAt)
    expect(after.status.stale).toBe(false)
    expect(after.status.sync.lastError).toBeNull()
  })

  it('a refresh the rate budget holds back answers with the time it will run', async () => {
    // 40 requests a sync: another one at once would break the app's 100 a minute.
    sim = await startSimulatedApi({ fleetSize: 1_000, seed: 9, maxPerPage: 0 })
    const app = await open()
    await app.handlers['auth:sign-in']({ token: sim.token })
    await syncedAfter(app, null)
    const answer = await app.handlers['fleet:refresh'](undefined)
    expect(answer.sync.state).toBe('idle')
    const at = Date.parse(answer.sync.refreshAt ?? '')
    expect(at).toBeGreaterThan(Date.now())
    expect(trayView(app.trayState()).menu).toContainEqual(
      expect.objectContaining({ label: expect.stringMatching(/^Refreshing at /), enabled: false }),
    )
  })
})
