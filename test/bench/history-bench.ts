// Fleet history speed and size (issue 11): 90 simulated days of a 10,000-charger fleet recorded through the
// real recorder into a real SQLite file, then each figure next to a baseline measured in the same run:
//   record  a sync of 10,000 chargers with 100 transitions, vs the transitions the app already computes
//   uptime  every charger over 30 days from the daily rollups, vs the walk over every event it replaced
//           (before) and vs merely reading the same event rows
//   strip   one charger's 7-day strip, uptimes and events, vs its bare event query
//   size    the database file after 90 days, vs the fleet's JSON offline copy
// Runnable on its own: `npx tsx test/bench/history-bench.ts`.
import { withFacts } from '@shared/charger-facts'
import { mkdtempSync, rmSync, statSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import Database from 'better-sqlite3'
import { countBuckets, fleetTransitions } from '@shared/fleet-health'
import type { Charger } from '@shared/plugchoice-schemas'
import { FleetHistory } from '@main/history/fleet-history'
import { historyPath } from '@main/history/history-db'
import { firstEventIdAtOrAfter, Registry, Words } from '@main/history/history-tables'
import { HistoryQueries } from '@main/history/history-queries'
import { generateFleet, runFleetDays } from '@main/sim/index'
import { SeededRandom } from '@main/sim/seeded-random'
import { median } from './stats'

export interface HistoryBench {
  chargers: number
  days: number
  pollEveryMin: number
  eventsPerDay: number
  simulateSec: number
  openMs: number
  recordMs: number
  recordBaselineMs: number
  recordRatio: number
  uptimeMs: number
  uptimeBaselineMs: number
  uptimeRatio: number
  /** The walk over every event of the month: the figure before the rollups. */
  uptimeWalkMs: number
  /** Rolling up the 90 days of an existing file at once (the migration's back-fill). */
  backfillMs: number
  stripMs: number
  stripMaxMs: number
  stripBaselineMs: number
  stripRatio: number
  dbMB: number
  /** The sync rows the 1-min polls of a real 10,000-charger fleet would add beyond the simulated cadence. */
  dbMBAtMinutePolls: number
  snapshotMB: number
}

const CHARGERS = 10_000
const DAYS = 90
const POLL_MIN = 60
/** Charging sessions, drops and faults in the generator's mix; about 0.9 recorded events per charger a day. */
const CHANGES_PER_CHARGER_DAY = 2
const DAY = 86_400_000
const round = (value: number) => Math.round(value * 10) / 10
const fresh = (fleet: readonly Charger[]) => JSON.parse(JSON.stringify(fleet)) as Charger[]

export async function benchHistory(): Promise<HistoryBench> {
  const dir = mkdtempSync(join(tmpdir(), 'plugfleet-history-bench-'))
  const from = Date.UTC(2026, 0, 1)
  let now = from
  const make = () => new FleetHistory({ userDataDir: dir, now: () => now, log: () => {} })
  try {
    let history = make()
    history.open('bench')
    let events = 0
    let started = performance.now()
    let fleet = runFleetDays({
      fleet: generateFleet(CHARGERS, 42, from),
      seed: 7,
      from,
      until: from + DAYS * DAY,
      pollEveryMs: POLL_MIN * 60_000,
      changesPerChargerDay: CHANGES_PER_CHARGER_DAY,
      onSync(at, current) {
        now = at
        const result = history.recordSync({
          at,
          outcome: { ok: true, requests: 100 },
          after: current,
          pollIntervalMs: POLL_MIN * 60_000,
        })
        events += result?.events ?? 0
      },
    })
    const simulateSec = round((performance.now() - started) / 1000)
    // The app rolls each day up just after the sync that ends it; this loop never yields, so all at once here.
    started = performance.now()
    history.rollUp()
    const backfillMs = performance.now() - started
    history.close()
    const path = historyPath(dir, 'bench')
    const fileBytes = (p: string) => (existsSync(p) ? statSync(p).size : 0)
    const dbBytes = fileBytes(path) + fileBytes(`${path}-wal`)
    const db = new Database(path, { readonly: true })
    const syncRow = db.prepare(
      `SELECT sum(pgsize) * 1.0 / (SELECT count(*) FROM syncs) FROM dbstat WHERE name = 'syncs'`,
    )
    const extraSyncBytes = (syncRow.pluck().get() as number) * (DAYS * 24 * 60 - (DAYS * 24 * 60) / POLL_MIN)
    db.close()

    started = performance.now()
    history = make()
    history.open('bench')
    const openMs = performance.now() - started

    // Record: 100 chargers go offline (then come back), in a fleet freshly parsed as a sync would hand it over.
    const random = new SeededRandom(99)
    const recordTimes: number[] = []
    const baselineTimes: number[] = []
    for (let round = 0; round < 16; round++) {
      const before = fleet
      const next = fresh(fleet)
      const online = next.filter((c) => c.connection_status === 'online')
      for (let i = 0; i < 100; i++) {
        const charger = online[random.int(0, online.length - 1)]!
        const at = new Date(now + 30_000).toISOString()
        Object.assign(charger, { connection_status: 'offline', last_disconnection_at: at })
      }
      now += 60_000
      let t = performance.now()
      const result = history.recordSync({ at: now, outcome: { ok: true, requests: 100 }, after: next })
      recordTimes.push(performance.now() - t)
      if (!result || result.events < 90) throw new Error(`expected ~100 transitions, recorded ${result?.events}`)
      const [factsBefore, factsNext] = [withFacts(before), withFacts(next)]
      t = performance.now()
      fleetTransitions(factsBefore, factsNext)
      countBuckets(factsNext)
      baselineTimes.push(performance.now() - t)
      fleet = next
    }

    const uptimeTimes: number[] = []
    const walkTimes: number[] = []
    const readTimes: number[] = []
    const reader = new Database(path, { readonly: true })
    const readEvents = reader
      .prepare(`SELECT charger, at, eff, from_bucket, to_bucket FROM events WHERE id >= ? AND at < ?`)
      .raw()
    const monthStart = Math.floor((now - 30 * DAY) / 1000)
    const words = new Words(reader)
    const walker = new HistoryQueries(reader, words, new Registry(reader, words))
    for (let i = 0; i < 5; i++) {
      let t = performance.now()
      const all = history.uptimeAll(now - 30 * DAY, now)
      uptimeTimes.push(performance.now() - t)
      if (all.length < CHARGERS * 0.9) throw new Error(`uptime for ${all.length} chargers`)
      t = performance.now()
      walker.walkUptime(monthStart, Math.floor(now / 1000))
      walkTimes.push(performance.now() - t)
      t = performance.now()
      let rows = 0
      for (const _row of readEvents.iterate(firstEventIdAtOrAfter(reader, monthStart), Math.floor(now / 1000))) rows++
      if (rows === 0) throw new Error('the baseline read no event rows')
      readTimes.push(performance.now() - t)
    }

    const stripTimes: number[] = []
    const stripBase: number[] = []
    const byCharger = reader.prepare(
      `SELECT e.* FROM events e JOIN chargers c ON c.id = e.charger WHERE c.uuid = ? AND e.at >= ?`,
    )
    for (let i = 0; i < 40; i++) {
      const charger = fleet[random.int(0, fleet.length - 1)]!
      let t = performance.now()
      const shown = history.chargerHistory(charger.uuid)
      stripTimes.push(performance.now() - t)
      if (!shown) throw new Error('no history for a recorded charger')
      t = performance.now()
      byCharger.all(charger.uuid, Math.floor((now - 30 * DAY) / 1000))
      stripBase.push(performance.now() - t)
    }
    reader.close()
    history.close()

    const snapshotBytes = Buffer.byteLength(JSON.stringify(fleet))
    const recordMs = median(recordTimes)
    const recordBaselineMs = median(baselineTimes)
    const uptimeMs = median(uptimeTimes)
    const uptimeBaselineMs = median(readTimes)
    const stripMs = median(stripTimes)
    const stripBaselineMs = median(stripBase)
    return {
      chargers: CHARGERS,
      days: DAYS,
      pollEveryMin: POLL_MIN,
      eventsPerDay: Math.round(events / DAYS),
      simulateSec,
      openMs: round(openMs),
      recordMs: round(recordMs),
      recordBaselineMs: round(recordBaselineMs),
      recordRatio: round(recordMs / recordBaselineMs),
      uptimeMs: round(uptimeMs),
      uptimeBaselineMs: round(uptimeBaselineMs),
      uptimeRatio: round(uptimeMs / uptimeBaselineMs),
      uptimeWalkMs: round(median(walkTimes)),
      backfillMs: round(backfillMs),
      stripMs: round(stripMs),
      stripMaxMs: round(Math.max(...stripTimes)),
      stripBaselineMs: round(stripBaselineMs),
      stripRatio: round(stripMs / Math.max(stripBaselineMs, 0.01)),
      dbMB: round(dbBytes / 1e6),
      dbMBAtMinutePolls: round((dbBytes + extraSyncBytes) / 1e6),
      snapshotMB: round(snapshotBytes / 1e6),
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(await benchHistory())
}
