// A charger missing from one complete sync is kept, marked "not seen in the last sync", and removed only when
// a second complete sync confirms it: the real FleetApp against the simulated API over real HTTP.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FleetApp } from '@main/core/fleet-app'
import { FleetSyncer } from '@main/sync/fleet-sync'
import { RateBudget } from '@main/sync/rate-budget'
import { TokenVault } from '@main/secrets/token-vault'
import { startSimulatedApi, type SimulatedApi } from '@main/sim/index'
import type { NotificationSpec } from '@main/notifications/notification-policy'

let sim: SimulatedApi
let dir: string
let app: FleetApp

beforeEach(async () => {
  sim = await startSimulatedApi({ fleetSize: 30, seed: 4 })
  dir = await mkdtemp(join(tmpdir(), 'plugfleet-removal-'))
  let secret: string | null = null
  app = await FleetApp.open({
    userDataDir: dir,
    apiBase: new URL(sim.baseUrl),
    vault: new TokenVault({
      get: async () => secret,
      set: async (value) => void (secret = value),
      delete: async () => secret !== (secret = null),
    }),
    ports: { saveExport: async () => ({ status: 'cancelled' }), openExternal: async () => false },
    createSyncer: (client) => new FleetSyncer({ client, budget: new RateBudget(), sleep: async () => {} }),
    log: () => {},
  })
})
afterEach(async () => {
  await app.stop()
  await sim.stop()
  await rm(dir, { recursive: true, force: true })
})

/** The snapshot once a sync that started after `after` has finished. */
async function syncedAfter(after: string | null) {
  for (let i = 0; i < 500; i++) {
    const snapshot = await app.handlers['fleet:snapshot'](undefined)
    const { sync } = snapshot.status
    const done = sync.state === 'idle' && sync.nextSyncAt !== null
    if (done && sync.lastSuccessAt !== null && sync.lastSuccessAt !== after) return snapshot
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error(`no sync finished: ${JSON.stringify((await app.handlers['fleet:snapshot'](undefined)).status)}`)
}

describe('a charger missing from a sync', () => {
  it('stays, marked not seen, until a second sync without it; only then is it gone', async () => {
    const notes: NotificationSpec[] = []
    app.on('notify', (spec) => notes.push(spec))
    await app.start()
    await app.handlers['auth:sign-in']({ token: sim.token })
    const first = await syncedAfter(null)
    expect(first.chargers).toHaveLength(30)
    const gone = sim.fleet[10]!
    sim.setFleet(sim.fleet.filter((charger) => charger.uuid !== gone.uuid))

    app.refreshNow('user')
    const second = await syncedAfter(first.status.sync.lastSuccessAt)
    expect(second.chargers).toHaveLength(30)
    expect(second.chargers.find((c) => c.uuid === gone.uuid)).toMatchObject(gone)
    expect(second.status.notSeen).toEqual([gone.uuid])

    app.refreshNow('user')
    const third = await syncedAfter(second.status.sync.lastSuccessAt)
    expect(third.chargers).toHaveLength(29)
    expect(third.chargers.some((c) => c.uuid === gone.uuid)).toBe(false)
    expect(third.status.notSeen).toEqual([])
  }, 20_000)
})
