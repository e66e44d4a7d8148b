// The per-charger daily rollup: for each settled day (one that ended before the last recorded sync), every
// charger's figures of that day (uptime-days.ts), so that uptime over a month reads 30 rows, not a month of
// events. A day is one row holding a packed Int32Array (one entry per charger): 10,000 chargers cost 320 kB a
// day, where a row per charger and day would cost a B-tree entry each and be read ten times slower.
//
// Days are rolled up after the sync that settles them, off the sync's own path. An event observed later than
// it happened (the API's last_disconnection_at after a sleep) can reach back into days already rolled up:
// those (day, charger) pairs are marked stale as the event is written and recomputed before the next read.
import type { Bucket } from '@shared/fleet-health'
import type { SqliteDb } from './history-db'
import { ACTION_CODE, bucketAt, bucketCode, firstEventIdAtOrAfter } from './history-tables'
import { Coverage, timeline, type ChargerRecord, type TimelineEvent } from './uptime'
import { figuresOf, type DayFigures } from './uptime-days'

export const DAY_SEC = 86_400
/** [charger id, up, known, lead, inner, trail, state at the day's start (bucket code + 1, 0: none), flags] */
export const ENTRY = 8
/** An event observed inside the day happened before it began (a late API moment): read the head by event. */
export const FLAG_LATE_START = 1
/** Something was recorded about the charger that day. */
export const FLAG_EVENTS = 2

export const dayOf = (sec: number) => Math.floor(sec / DAY_SEC)

export interface RolledDay {
  day: number
  entries: Int32Array
}

interface ChargerEvents {
  at: number[]
  eff: number[]
  from: (Bucket | null)[]
  to: (Bucket | null)[]
}

export function encodeState(bucket: Bucket | null): number {
  return bucket === null ? 0 : bucketCode(bucket)! + 1
}

export function decodeState(code: number): Bucket | null {
  return code === 0 ? null : bucketAt(code - 1)
}

/** One charger's events, grouped from rows in id (= observation) order; their moments never go back per charger. */
function group(rows: Iterable<[number, number, number, number | null, number | null]>): Map<number, ChargerEvents> {
  const out = new Map<number, ChargerEvents>()
  for (const [charger, at, eff, from, to] of rows) {
    let list = out.get(charger)
    if (!list) out.set(charger, (list = { at: [], eff: [], from: [], to: [] }))
    list.at.push(at)
    list.eff.push(eff)
    list.from.push(bucketAt(from))
    list.to.push(bucketAt(to))
  }
  return out
}

/**
 * The figures of [start, end) for one charger, walked exactly as a period's walk would: the events observed
 * from `start` on that happened before `end`, and the first one after (its "from" is the state until then).
 */
export function walkDay(
  start: number,
  end: number,
  record: ChargerRecord,
  events: ChargerEvents | undefined,
  coverage: Coverage,
  firstIndex: number,
): { figures: DayFigures; startState: Bucket | null; flags: number; nextIndex: number } {
  const list: TimelineEvent[] = []
  let i = firstIndex
  let flags = 0
  let cut = false
  if (events) {
    while (i < events.at.length && events.at[i]! < start) i++
    for (let j = i; j < events.at.length; j++) {
      const eff = events.eff[j]!
      list.push({ at: events.at[j]!, eff, from: events.from[j]!, to: events.to[j]! })
      if (events.at[j]! < end) flags |= FLAG_EVENTS
      if (eff < start) flags |= FLAG_LATE_START
      if (eff === start) cut = true
      if (eff >= end) break
    }
  }
  const startState = list.length > 0 ? list[0]!.from : record.present ? record.bucket : null
  const segments = timeline(start, end, record, list)
  return { figures: figuresOf(segments, coverage, start, end, cut), startState, flags, nextIndex: i }
}

export class DayRollups {
  private readonly stmt

  constructor(private readonly db: SqliteDb) {
    this.stmt = {
      put: db.prepare(`INSERT OR REPLACE INTO uptime_days (day, entries) VALUES (?, ?)`),
      get: db.prepare(`SELECT day, entries FROM uptime_days WHERE day >= ? AND day < ? ORDER BY day`),
      rolled: db.prepare(`SELECT day FROM uptime_days`).pluck(),
      stale: db.prepare(`INSERT OR IGNORE INTO uptime_stale (day, charger) VALUES (?, ?)`),
      staleAll: db.prepare(`SELECT day, charger FROM uptime_stale ORDER BY day`),
      lastRolled: db.prepare(`SELECT max(day) FROM uptime_days`).pluck(),
    }
  }

  /**
   * An event for `charger` observed at `at` that happened at `eff`: days between, already rolled up, change
   * (inside the caller's transaction).
   */
  eventWritten(charger: number, eff: number, at: number): void {
    const first = dayOf(eff)
    const last = Math.min(dayOf(at) - 1, (this.stmt.lastRolled.get() as number | null) ?? -1)
    for (let day = first; day <= last; day++) this.stmt.stale.run(day, charger)
  }

  /** Rolls up every settled day not yet rolled up (from `firstDay` on) and recomputes stale entries. */
  rollUp(lastAtSec: number, firstDay: number): number {
    const settledUntil = dayOf(lastAtSec) // days before this one have ended
    const rolled = new Set(this.stmt.rolled.all() as number[])
    const missing: number[] = []
    for (let day = firstDay; day < settledUntil; day++) if (!rolled.has(day)) missing.push(day)
    const stale = this.stmt.staleAll.all() as { day: number; charger: number }[]
    if (missing.length === 0 && stale.length === 0) return 0
    const days = [...new Set([...missing, ...stale.map((s) => s.day)])].sort((a, b) => a - b)
    const staleOnly = new Map<number, Set<number>>()
    for (const { day, charger } of stale) {
      if (rolled.has(day)) (staleOnly.get(day) ?? staleOnly.set(day, new Set()).get(day)!).add(charger)
    }
    const computed = this.compute(days, staleOnly)
    this.db.transaction(() => {
      for (const { day, entries } of computed)
        this.stmt.put.run(day, Buffer.from(entries.buffer, 0, entries.byteLength))
      this.db.prepare(`DELETE FROM uptime_stale`).run()
    })()
    return computed.length
  }

  private compute(days: readonly number[], staleOnly: ReadonlyMap<number, ReadonlySet<number>>): RolledDay[] {
    if (days.length === 0) return []
    const from = days[0]! * DAY_SEC
    const records = this.db.prepare(`SELECT id, first_seen, present, bucket FROM chargers ORDER BY id`).raw().all() as [
      number,
      number,
      number,
      number,
    ][]
    const rows = this.db
      .prepare(
        `SELECT charger, at, eff, from_bucket, to_bucket FROM events WHERE id >= ? AND kind != ${ACTION_CODE} ORDER BY id`,
      )
      .raw()
      .iterate(firstEventIdAtOrAfter(this.db, from)) as IterableIterator<
      [number, number, number, number | null, number | null]
    >
    const events = group(rows)
    const spans = this.db.prepare(`SELECT start, end FROM watch_spans WHERE end >= ?`).all(from) as {
      start: number
      end: number
    }[]
    const coverage = new Coverage(spans)
    const old = new Map<number, Int32Array>()
    for (const day of staleOnly.keys()) old.set(day, this.read(day, day + 1)[0]!.entries)
    const out: RolledDay[] = days.map((day) => ({
      day,
      entries: staleOnly.has(day) ? old.get(day)!.slice() : new Int32Array(records.length * ENTRY),
    }))
    records.forEach(([id, firstSeen, present, bucket], slot) => {
      const record: ChargerRecord = { firstSeen, present: present === 1, bucket: bucketAt(bucket) ?? 'unknown' }
      const own = events.get(id)
      let index = 0
      for (const rolled of out) {
        const only = staleOnly.get(rolled.day)
        if (only && !only.has(id)) continue
        const start = rolled.day * DAY_SEC
        const walked = walkDay(start, start + DAY_SEC, record, own, coverage, index)
        index = walked.nextIndex
        const at = only ? findSlot(rolled.entries, id) : slot
        if (at < 0) continue
        const f = walked.figures
        rolled.entries.set(
          [id, f.up, f.known, f.lead, f.inner, f.trail, encodeState(walked.startState), walked.flags],
          at * ENTRY,
        )
      }
    })
    return out
  }

  /** The rolled-up days in [fromDay, toDay), in order; days not rolled up are missing from the answer. */
  read(fromDay: number, toDay: number): RolledDay[] {
    return (this.stmt.get.all(fromDay, toDay) as { day: number; entries: Buffer }[]).map((row) => ({
      day: row.day,
      entries: int32View(row.entries),
    }))
  }

  /** Days that start before the cutoff go with the events they were made from. */
  prune(cutoffSec: number): void {
    const keepFrom = dayOf(cutoffSec) + 1
    this.db.prepare(`DELETE FROM uptime_days WHERE day < ?`).run(keepFrom)
    this.db.prepare(`DELETE FROM uptime_stale WHERE day < ?`).run(keepFrom)
  }
}

/** The blob's own bytes where they are aligned (a month is 30 of 320 kB each), else a copy. */
function int32View(blob: Buffer): Int32Array {
  const { buffer, byteOffset, byteLength } = blob
  if (byteOffset % 4 === 0) return new Int32Array(buffer, byteOffset, byteLength / 4)
  return new Int32Array(buffer.slice(byteOffset, byteOffset + byteLength))
}

function findSlot(entries: Int32Array, id: number): number {
  for (let i = 0; i < entries.length; i += ENTRY) if (entries[i] === id) return i / ENTRY
  return -1
}
