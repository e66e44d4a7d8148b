// A charger missing from one complete sync is kept, marked "not seen in the last sync", and removed only when
// a second complete sync confirms it: the real FleetApp against the simulated API over real HTTP.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FleetApp } from '@main/core/fleet-app'
import { startSimulatedApi, type SimulatedApi } from '@main/sim/index'
import type { NotificationSpec } from '@main/notifications/notification-policy'
import { openTestApp, syncedAfter } from './test-app'

let sim: SimulatedApi
let dir: string
let app: FleetApp

beforeEach(async () => {
  sim = await startSimulatedApi({ fleetSize: 30, seed: 4 })
  dir = await mkdtemp(join(tmpdir(), 'plugfleet-removal-'))
  app = await openTestApp(sim, { userDataDir: dir })
})
afterEach(async () => {
  await app.stop()
  await sim.stop()
  await rm(dir, { recursive: true, force: true })
})

describe('a charger missing from a sync', () => {
  it('stays, marked not seen, until a second sync without it; only then is it gone', async () => {
    const notes: NotificationSpec[] = []
    app.on('notify', (spec) => notes.push(spec))
    await app.start()
    await app.handlers['auth:sign-in']({ token: sim.token })
    const first = await syncedAfter(app, null)
    expect(first.chargers).toHaveLength(30)
    const gone = sim.fleet[10]!
    sim.setFleet(sim.fleet.filter((charger) => charger.uuid !== gone.uuid))

    app.refreshNow('user')
    const second = await syncedAfter(app, first.status.sync.lastSuccessAt)
    expect(second.chargers).toHaveLength(30)
    expect(second.chargers.find((c) => c.uuid === gone.uuid)).toMatchObject(gone)
    expect(second.status.notSeen).toEqual([gone.uuid])

    app.refreshNow('user')
    const third = await syncedAfter(app, second.status.sync.lastSuccessAt)
    expect(third.chargers).toHaveLength(29)
    expect(third.chargers.some((c) => c.uuid === gone.uuid)).toBe(false)
    expect(third.status.notSeen).toEqual([])
  }, 20_000)
})
