// Uptime of every charger over a period from the daily rollups: whole days from their rows, the partial day
// at each end walked from its events, the two joined (uptime-days.ts). It answers exactly what the walk over
// every event of the period answers (test/unit/history/rolled-uptime.test.ts checks that on random
// histories); it gives up (null) where it could not, and the caller walks instead.
import type { SqliteDb } from './history-db'
import type { ChargerUptime } from './history-queries'
import { ACTION_CODE, bucketAt, firstEventIdAtOrAfter, type Registry } from './history-tables'
import { Coverage, timeline, type TimelineEvent } from './uptime'
import {
  DAY_SEC,
  decodeState,
  ENTRY,
  FLAG_EVENTS,
  FLAG_LATE_START,
  type DayRollups,
  type RolledDay,
} from './day-rollups'
import { DaysJoined, figuresOf, type DayFigures } from './uptime-days'

type Row = [number, number, number, number | null, number | null]

function grouped(rows: Iterable<Row>): Map<number, TimelineEvent[]> {
  const out = new Map<number, TimelineEvent[]>()
  for (const [charger, at, eff, from, to] of rows) {
    let list = out.get(charger)
    if (!list) out.set(charger, (list = []))
    list.push({ at, eff, from: bucketAt(from), to: bucketAt(to) })
  }
  return out
}

const ZERO: DayFigures = { up: 0, known: 0, lead: 0, inner: 0, trail: 0 }

/** Where each charger's entry sits in a day's row: the same place every day until a charger is forgotten. */
class Slots {
  private readonly byDay = new Map<number, Map<number, number>>()

  find(day: RolledDay, id: number, guess: number | undefined): number {
    if (guess !== undefined && day.entries[guess] === id) return guess
    let map = this.byDay.get(day.day)
    if (!map) {
      map = new Map()
      for (let i = 0; i < day.entries.length; i += ENTRY) map.set(day.entries[i]!, i)
      this.byDay.set(day.day, map)
    }
    return map.get(id) ?? -1
  }
}

export function rolledUptime(
  db: SqliteDb,
  registry: Registry,
  rollups: DayRollups,
  from: number,
  to: number,
): ChargerUptime[] | null {
  const firstWhole = Math.ceil(from / DAY_SEC) * DAY_SEC
  const lastWhole = Math.floor(to / DAY_SEC) * DAY_SEC
  if (lastWhole <= firstWhole) return null
  const days: RolledDay[] = rollups.read(firstWhole / DAY_SEC, lastWhole / DAY_SEC)
  if (days.length !== (lastWhole - firstWhole) / DAY_SEC) return null

  const slots = new Slots()
  const first = days[0]!.entries
  const spans = db.prepare(`SELECT start, end FROM watch_spans WHERE end >= ? AND start < ?`).all(from, to) as {
    start: number
    end: number
  }[]
  const coverage = new Coverage(spans)
  const read = (a: number, b: number | null): Map<number, TimelineEvent[]> => {
    const sql = `SELECT charger, at, eff, from_bucket, to_bucket FROM events WHERE kind != ${ACTION_CODE} AND id >= ?${b === null ? '' : ' AND id < ?'}`
    const args =
      b === null ? [firstEventIdAtOrAfter(db, a)] : [firstEventIdAtOrAfter(db, a), firstEventIdAtOrAfter(db, b)]
    return grouped(
      db
        .prepare(sql)
        .raw()
        .iterate(...args) as IterableIterator<Row>,
    )
  }
  const head = from < firstWhole ? read(from, firstWhole) : new Map<number, TimelineEvent[]>()
  const tail = read(lastWhole, null)
  const lateHead = db.prepare(
    `SELECT charger, at, eff, from_bucket, to_bucket FROM events WHERE charger = ? AND at >= ? AND eff < ? AND kind != ${ACTION_CODE} ORDER BY id`,
  )

  const out: ChargerUptime[] = []
  for (const charger of registry.byId.values()) {
    const found = slots.find(days[0]!, charger.id, undefined)
    const slot = found < 0 ? undefined : found
    const joined = new DaysJoined()
    let hadEvents = head.has(charger.id) || tail.has(charger.id)
    if (from < firstWhole) {
      let events = head.get(charger.id) ?? []
      const firstFlags = slot === undefined ? 0 : first[slot + 7]!
      if (firstFlags & FLAG_LATE_START) {
        const late = grouped(lateHead.raw().iterate(charger.id, firstWhole, firstWhole) as IterableIterator<Row>)
        events = [...events, ...(late.get(charger.id) ?? [])]
      }
      if (events.length === 0) {
        // Nothing happened before the first whole day: the state then is the one that day started in.
        const state = slot === undefined ? (charger.present ? charger.bucket : null) : decodeState(first[slot + 6]!)
        events = [{ at: Infinity, eff: Infinity, from: state, to: state }]
      }
      const segments = timeline(from, firstWhole, charger, events)
      joined.add(figuresOf(segments, coverage, from, firstWhole, false), firstWhole - from)
    }
    for (const day of days) {
      const entries = day.entries
      const at = slots.find(day, charger.id, slot)
      if (at < 0) {
        joined.add(ZERO, DAY_SEC)
        continue
      }
      if (entries[at + 7]! & FLAG_EVENTS) hadEvents = true
      joined.add(
        {
          up: entries[at + 1]!,
          known: entries[at + 2]!,
          lead: entries[at + 3]!,
          inner: entries[at + 4]!,
          trail: entries[at + 5]!,
        },
        DAY_SEC,
      )
    }
    if (lastWhole < to) {
      const events = tail.get(charger.id) ?? []
      const segments = timeline(lastWhole, to, charger, events)
      const cut = events.some((e) => e.eff === lastWhole)
      joined.add(figuresOf(segments, coverage, lastWhole, to, cut), to - lastWhole)
    }
    if (!hadEvents && !charger.present) continue
    out.push({
      uuid: charger.uuid,
      label: charger.label,
      upSec: joined.up,
      knownSec: joined.known,
      longestOutageSec: joined.longestOutage,
    })
  }
  return out
}
