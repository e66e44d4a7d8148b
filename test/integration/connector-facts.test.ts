// A charger Available at connector 0 with socket 2 Faulted, as the real FleetApp sees it against the simulated
// API over real HTTP: once its detail has been read, the list's bucket and reason, the counts, the tray and the
// notifications all say Fault, and keep saying it at the next sync.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { FleetApp } from '@main/core/fleet-app'
import type { NotificationSpec } from '@main/notifications/notification-policy'
import { startSimulatedApi, type SimulatedApi } from '@main/sim/index'
import { hasFaultedSecondSocket } from '@main/sim/charger-detail-sim'
import { trayView } from '@main/tray/tray-policy'
import { openTestApp, syncedAfter } from './test-app'

let sim: SimulatedApi
let dir: string
let app: FleetApp

beforeEach(async () => {
  sim = await startSimulatedApi({ fleetSize: 80, seed: 12 })
  dir = await mkdtemp(join(tmpdir(), 'plugfleet-connectors-'))
  app = await openTestApp(sim, { userDataDir: dir })
})
afterEach(async () => {
  await app.stop()
  await sim.stop()
  await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 })
})

it('flags a charger whose socket 2 is faulted once its detail is read: row, counts, tray and notification agree', async () => {
  const twoSockets = sim.fleet.find((c) => hasFaultedSecondSocket(c) && c.status === 'Available')
  if (!twoSockets) throw new Error('the seeded fleet has no Available charger with a faulted socket 2')
  const notified: NotificationSpec[] = []
  app.on('notify', (spec) => notified.push(spec))
  await app.start()
  await app.handlers['auth:sign-in']({ token: sim.token })
  const first = await syncedAfter(app, null)
  expect(first.chargers.find((c) => c.uuid === twoSockets.uuid)?.facts.bucket).toBe('ok')
  const faultsBefore = app.trayState().counts.fault

  const deltas: number[] = []
  const statuses: number[] = []
  app.on('fleet:delta', (delta) => deltas.push(delta.toRevision))
  app.on('fleet:status', (status) => statuses.push(status.revision))
  await app.handlers['charger:detail']({ uuid: twoSockets.uuid })
  // The window hears the change and then a status naming its revision (else it would refetch the whole fleet).
  expect(deltas).toHaveLength(1)
  expect(statuses.at(-1)).toBe(deltas[0])
  const reason = 'Connector 2: Faulted · GroundFailure · vendor code RCD-02'
  const row = (await app.handlers['fleet:snapshot'](undefined)).chargers.find((c) => c.uuid === twoSockets.uuid)
  expect(row?.facts).toMatchObject({ bucket: 'fault', reason })
  const tray = app.trayState()
  expect(tray.counts.fault).toBe(faultsBefore + 1)
  expect(trayView(tray).tooltip).toContain(`${faultsBefore + 1} fault`)
  expect(notified.map((spec) => spec.body).join('\n')).toContain(reason)

  app.refreshNow('user')
  const second = await syncedAfter(app, first.status.sync.lastSuccessAt)
  expect(second.chargers.find((c) => c.uuid === twoSockets.uuid)?.facts).toMatchObject({ bucket: 'fault', reason })
})
