// The history as the app records it: the real FleetApp against the simulated API over real HTTP, a real
// SQLite file in a temp user-data folder. A charger that drops is in the Activity with its words and its
// moment, the sync outcomes are recorded, the demo starts with a recorded week, and signing out deletes it all.
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FleetApp } from '@main/core/fleet-app'
import { startDemoApi } from '@main/core/demo-api'
import { historyPath } from '@main/history/history-db'
import { startSimulatedApi, type SimulatedApi } from '@main/sim/index'
import { openTestApp, syncedAfter } from './test-app'

let sim: SimulatedApi
let dir: string
let app: FleetApp

beforeEach(async () => {
  sim = await startSimulatedApi({ fleetSize: 30, seed: 11 })
  dir = await mkdtemp(join(tmpdir(), 'plugfleet-history-wiring-'))
  app = await openTestApp(sim, { userDataDir: dir, startDemoApi })
})
afterEach(async () => {
  await app.stop()
  await sim.stop()
  await rm(dir, { recursive: true, force: true })
})

describe('the history the app records', () => {
  it('lists a charger that went offline, with its moment from Plugchoice; sign-out deletes the database', async () => {
    await app.start()
    const status = await app.handlers['auth:sign-in']({ token: sim.token })
    const first = await syncedAfter(app, null)
    const account = status.account!.uuid
    expect(existsSync(historyPath(dir, account))).toBe(true)
    expect((await app.handlers['history:status'](undefined)).open).toBe(true)

    const victim = sim.fleet.find((c) => c.connection_status === 'online')!
    // After the last sync saw it online (an earlier moment would contradict what the app saw itself).
    await new Promise((resolve) => setTimeout(resolve, 50))
    const wentAt = new Date(Date.now() - 20).toISOString()
    sim.setFleet(
      sim.fleet.map((c) =>
        c.uuid === victim.uuid ? { ...c, connection_status: 'offline', last_disconnection_at: wentAt } : c,
      ),
    )
    app.refreshNow('user')
    await syncedAfter(app, first.status.sync.lastSuccessAt)

    const page = await app.handlers['history:activity']({ limit: 50 })
    const offline = page.events.filter((e) => e.uuid === victim.uuid)
    expect(offline).toHaveLength(1)
    expect(offline[0]).toMatchObject({ kind: 'went_offline' })
    // Stored to the second.
    expect(Date.parse(offline[0]!.at)).toBe(Math.floor(Date.parse(wentAt) / 1000) * 1000)
    // Nothing else changed, so nothing else was written.
    expect(page.events.filter((e) => e.kind !== 'added')).toHaveLength(1)

    // The tray says so until the user looks at the Activity; looking re-renders the tray.
    expect(app.trayState().sinceLastLooked).toContain('1 went offline')
    const trays: (string | null | undefined)[] = []
    app.on('tray', (tray) => trays.push(tray.sinceLastLooked))
    await app.handlers['history:mark-seen'](undefined)
    expect(app.trayState().sinceLastLooked).toBeNull()
    expect(trays).toEqual([null])

    await app.handlers['auth:sign-out'](undefined)
    expect(existsSync(historyPath(dir, account))).toBe(false)
  })

  it('starts the demo with a week already recorded', async () => {
    await app.start()
    await app.handlers['auth:start-demo'](undefined)
    await syncedAfter(app, null)
    const page = await app.handlers['history:activity']({ limit: 10 })
    expect(page.total).toBeGreaterThan(50)
    const oldest = await app.handlers['history:activity']({
      limit: 1,
      until: new Date(Date.now() - 5 * 86_400_000).toISOString(),
    })
    expect(oldest.total).toBeGreaterThan(0)
  }, 30_000)
})
