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
import { DaysJoined, figuresOf } from './uptime-days'

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

  const chargers = [...registry.byId.values()]
  // Each charger's place in `chargers` by row id: a day's entries name chargers by id, in any order.
  let maxId = 0
  for (const charger of chargers) maxId = Math.max(maxId, charger.id)
  const place = new Int32Array(maxId + 1).fill(-1)
  chargers.forEach((charger, k) => (place[charger.id] = k))
  const placeOf = (id: number) => (id > 0 && id <= maxId ? place[id]! : -1)

  const first = days[0]!.entries
  const firstSlot = new Int32Array(chargers.length).fill(-1)
  for (let i = 0; i < first.length; i += ENTRY) {
    const k = placeOf(first[i]!)
    if (k >= 0) firstSlot[k] = i
  }
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

  // Each charger's parts join in time order: the head, then day by day (a day's row read once, in its
  // order), then the tail.
  const joined = new DaysJoined(chargers.length)
  const hadEvents = new Uint8Array(chargers.length)
  chargers.forEach((charger, k) => {
    if (head.has(charger.id) || tail.has(charger.id)) hadEvents[k] = 1
    if (from >= firstWhole) return
    const slot = firstSlot[k]!
    let events = head.get(charger.id) ?? []
    const firstFlags = slot < 0 ? 0 : first[slot + 7]!
    if (firstFlags & FLAG_LATE_START) {
      const late = grouped(lateHead.raw().iterate(charger.id, firstWhole, firstWhole) as IterableIterator<Row>)
      events = [...events, ...(late.get(charger.id) ?? [])]
    }
    if (events.length === 0) {
      // Nothing happened before the first whole day: the state then is the one that day started in.
      const state = slot < 0 ? (charger.present ? charger.bucket : null) : decodeState(first[slot + 6]!)
      events = [{ at: Infinity, eff: Infinity, from: state, to: state }]
    }
    const segments = timeline(from, firstWhole, charger, events)
    joined.addFigures(k, figuresOf(segments, coverage, from, firstWhole, false), firstWhole - from)
  })
  const dayOfLastEntry = new Int32Array(chargers.length).fill(-1)
  days.forEach((day, d) => {
    const entries = day.entries
    for (let i = 0; i < entries.length; i += ENTRY) {
      const k = placeOf(entries[i]!)
      if (k < 0) continue
      dayOfLastEntry[k] = d
      if (entries[i + 7]! & FLAG_EVENTS) hadEvents[k] = 1
      joined.add(k, entries[i + 1]!, entries[i + 2]!, entries[i + 3]!, entries[i + 4]!, entries[i + 5]!, DAY_SEC)
    }
    // A charger the day has no entry for was not in the fleet that day.
    for (let k = 0; k < chargers.length; k++) if (dayOfLastEntry[k] !== d) joined.add(k, 0, 0, 0, 0, 0, DAY_SEC)
  })

  const out: ChargerUptime[] = []
  chargers.forEach((charger, k) => {
    if (lastWhole < to) {
      const events = tail.get(charger.id) ?? []
      const segments = timeline(lastWhole, to, charger, events)
      const cut = events.some((e) => e.eff === lastWhole)
      joined.addFigures(k, figuresOf(segments, coverage, lastWhole, to, cut), to - lastWhole)
    }
    if (!hadEvents[k] && !charger.present) return
    out.push({
      uuid: charger.uuid,
      label: charger.label,
      upSec: joined.up(k),
      knownSec: joined.known(k),
      longestOutageSec: joined.longestOutage(k),
    })
  })
  return out
}
