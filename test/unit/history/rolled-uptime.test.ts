// The daily rollups answer what the walk over every event answers (issue 11's speed item): random fleets
// churn through the real recorder for weeks, with sleeps the API's own moments cover and gaps nobody watched,
// and every charger's uptime over several periods is compared both ways. Seeded, so a failure repeats.
import { afterEach, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { SeededRandom } from '@main/sim/seeded-random'
import type { Charger } from '@shared/plugchoice-schemas'
import { ACCOUNT, DAY, HOUR, MIN, T0, harness, online, type Harness } from './history-fixtures'
import { openHistoryDb, historyPath } from '@main/history/history-db'
import { HistoryQueries } from '@main/history/history-queries'
import { Registry, Words } from '@main/history/history-tables'

let h: Harness | null = null
afterEach(() => {
  h?.cleanup()
  h = null
})

const STATES: Partial<Charger>[] = [
  { connection_status: 'online', status: 'Available', error: 'NoError' },
  { connection_status: 'online', status: 'Charging', error: 'NoError' },
  { connection_status: 'online', status: 'Faulted', error: 'GroundFailure' },
  { connection_status: 'online', status: 'Unavailable', error: 'NoError' },
]

/** Days of churn: syncs every 10 minutes while "awake", long sleeps, chargers that drop and come back. */
function churn(seed: number): { fleet: Charger[]; end: number } {
  const random = new SeededRandom(seed)
  let fleet = Array.from({ length: 12 }, (_, i) => online(`c-${seed}-${i}`))
  let t = T0 + random.int(0, 20 * HOUR)
  const end = T0 + 12 * DAY
  while (t < end) {
    if (random.int(0, 30) === 0) t += random.int(2, 40) * HOUR // asleep: nobody watching
    fleet = fleet.map((c) => {
      const roll = random.int(0, 40)
      if (roll === 0)
        return {
          ...c,
          connection_status: 'offline',
          last_disconnection_at: new Date(t - random.int(0, 5 * HOUR)).toISOString(),
        }
      if (roll === 1 && c.connection_status === 'offline')
        return {
          ...c,
          connection_status: 'online',
          last_connection_at: new Date(t - random.int(0, 3 * HOUR)).toISOString(),
        }
      if (roll === 2) return { ...c, ...STATES[random.int(0, STATES.length - 1)] }
      if (roll === 3 && c.connection_status === 'online') {
        // A blip between two syncs: both API moments move on, the charger is online again.
        return {
          ...c,
          last_disconnection_at: new Date(t - 4 * MIN).toISOString(),
          last_connection_at: new Date(t - 2 * MIN).toISOString(),
        }
      }
      return c
    })
    if (random.int(0, 200) === 0) fleet = fleet.slice(1)
    if (random.int(0, 200) === 0) fleet = [...fleet, online(`c-${seed}-new-${t}`)]
    h!.sync(fleet, t)
    t += random.int(1, 10) * 10 * MIN
  }
  return { fleet, end: h!.clock.now }
}

function walked(h: Harness, from: number, to: number) {
  // The reference: the history's own queries without rollups, over the same file.
  const { db } = openHistoryDb(historyPath(h.dir, ACCOUNT))
  const words = new Words(db!)
  const queries = new HistoryQueries(db!, words, new Registry(db!, words))
  const rows = queries.walkUptime(Math.floor(from / 1000), Math.floor(to / 1000))
  db!.close()
  return rows
}

describe('uptime from daily rollups', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`equals the walk over every event (seed ${seed})`, () => {
      h = harness()
      const { end } = churn(seed)
      for (const days of [1.5, 3, 7, 10]) {
        const from = end - days * DAY
        const fast = h.history.uptimeAll(from, end)
        const slow = walked(h, from, end)
        const key = (r: { uuid: string }) => r.uuid
        expect([...fast].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
          [...slow].sort((a, b) => key(a).localeCompare(key(b))),
        )
        // Never more up than known, and unwatched time is never up.
        for (const row of fast) expect(row.upSec).toBeLessThanOrEqual(row.knownSec)
      }
    })
  }

  it('back-fills the rollups of a history written before they existed (schema 2) when it is migrated', () => {
    h = harness()
    const { end } = churn(9)
    h.history.close()
    const old = new Database(historyPath(h.dir, ACCOUNT))
    old.exec(`
      DROP TABLE uptime_days; DROP TABLE uptime_stale;
      ALTER TABLE events DROP COLUMN action; ALTER TABLE events DROP COLUMN answer;
      UPDATE schema_version SET version = 2;
    `)
    old.close()
    h.reopen()
    const check = new Database(historyPath(h.dir, ACCOUNT), { readonly: true })
    expect(check.prepare(`SELECT count(*) FROM uptime_days`).pluck().get()).toBeGreaterThanOrEqual(11)
    check.close()
    const from = end - 7 * DAY
    expect(h.history.uptimeAll(from, end)).toEqual(walked(h, from, end))
  })
})
