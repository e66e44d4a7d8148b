// Rolls up every settled day a history already holds: the migration that adds the rollups runs it, and so
// would a file whose rollups were lost. The prune keeps what it needs; this only follows the data.
import type { SqliteDb } from './history-db'
import { dayOf, DayRollups } from './day-rollups'

/** The last moment recorded (epoch seconds), or null for an empty history. */
export function lastRecordedAt(db: SqliteDb): number | null {
  const sync = db.prepare(`SELECT max(at) FROM syncs WHERE ok = 1`).pluck().get() as number | null
  const event = db.prepare(`SELECT max(at) FROM events`).pluck().get() as number | null
  return sync === null && event === null ? null : Math.max(sync ?? 0, event ?? 0)
}

/** The first day worth rolling up: the first a charger was seen, and never before the retention's cutoff. */
export function firstRollupDay(db: SqliteDb, cutoffSec: number | null): number | null {
  const firstSeen = db.prepare(`SELECT min(first_seen) FROM chargers`).pluck().get() as number | null
  if (firstSeen === null) return null
  return Math.max(dayOf(firstSeen), cutoffSec === null ? -Infinity : dayOf(cutoffSec) + 1)
}

export function backfillRollups(db: SqliteDb, cutoffSec: number | null = null): number {
  const last = lastRecordedAt(db)
  const first = firstRollupDay(db, cutoffSec)
  if (last === null || first === null) return 0
  return new DayRollups(db).rollUp(last, first)
}
