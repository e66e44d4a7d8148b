// The rows of an open history database as the recorder and the queries use them: interned words, the
// charger registry (uuid ↔ row id, last recorded state) kept in memory, and the codes of kinds and buckets.
import { BUCKETS, emptyCounts, type Bucket, type BucketCounts } from '@shared/fleet-health'
import { HISTORY_EVENT_KINDS, type HistoryEventKind } from '@shared/history-schemas'
import type { SqliteDb } from './history-db'
import type { ChargerState } from './fleet-diff'

export const bucketCode = (bucket: Bucket | null): number | null => (bucket === null ? null : BUCKETS.indexOf(bucket))
export const bucketAt = (code: number | null): Bucket | null => (code === null ? null : (BUCKETS[code] ?? 'unknown'))
export const kindCode = (kind: HistoryEventKind): number => HISTORY_EVENT_KINDS.indexOf(kind)
export const kindAt = (code: number): HistoryEventKind => HISTORY_EVENT_KINDS[code] ?? 'changed'
/** Actions say nothing about a charger's state: every walk of states leaves them out (`kind != ACTION_CODE`). */
export const ACTION_CODE = kindCode('action')

/** A sync's counts per bucket as `12,0,3,…` in BUCKETS order (a JSON object would triple the syncs table). */
export function encodeCounts(counts: BucketCounts): string {
  return BUCKETS.map((bucket) => counts[bucket]).join(',')
}

export function decodeCounts(text: string): BucketCounts {
  const counts = emptyCounts()
  text.split(',').forEach((value, index) => {
    const bucket = BUCKETS[index]
    if (bucket) counts[bucket] = Number(value) || 0
  })
  return counts
}

/** OCPP words (status, error, error_info) stored once each. */
export class Words {
  private readonly ids = new Map<string, number>()
  private readonly texts = new Map<number, string>()
  private readonly insert

  constructor(db: SqliteDb) {
    for (const row of db.prepare(`SELECT id, text FROM words`).all() as { id: number; text: string }[]) {
      this.ids.set(row.text, row.id)
      this.texts.set(row.id, row.text)
    }
    this.insert = db.prepare(`INSERT INTO words (text) VALUES (?)`)
  }

  id(text: string | null): number | null {
    if (text === null) return null
    const known = this.ids.get(text)
    if (known !== undefined) return known
    const id = Number(this.insert.run(text).lastInsertRowid)
    this.ids.set(text, id)
    this.texts.set(id, text)
    return id
  }

  text(id: number | null): string | null {
    return id === null ? null : (this.texts.get(id) ?? null)
  }
}

/**
 * A class, not spread objects: the diff reads these 10,000 times a sync, and one fixed shape keeps that
 * read fast (spread and Object.assign gave V8 objects that made the diff six times slower).
 */
export class RegisteredCharger implements ChargerState {
  uuid: string
  label: string
  present: boolean
  bucket: Bucket
  status: string | null
  error: string | null
  connectedAt: number | null
  disconnectedAt: number | null
  changedAt: number
  source: ChargerState['source']

  constructor(
    readonly id: number,
    readonly firstSeen: number,
    state: ChargerState,
  ) {
    this.uuid = state.uuid
    this.label = state.label
    this.present = state.present
    this.bucket = state.bucket
    this.status = state.status
    this.error = state.error
    this.connectedAt = state.connectedAt
    this.disconnectedAt = state.disconnectedAt
    this.changedAt = state.changedAt
    this.source = state.source
  }

  set(state: ChargerState): void {
    this.label = state.label
    this.present = state.present
    this.bucket = state.bucket
    this.status = state.status
    this.error = state.error
    this.connectedAt = state.connectedAt
    this.disconnectedAt = state.disconnectedAt
    this.changedAt = state.changedAt
    this.source = state.source
  }
}

interface ChargerRow {
  id: number
  uuid: string
  label: string
  first_seen: number
  present: number
  bucket: number
  status: number | null
  error: number | null
  connected_at: number | null
  disconnected_at: number | null
  changed_at: number
}

/** Every charger the history knows, by uuid and by row id. */
export class Registry {
  readonly byUuid = new Map<string, RegisteredCharger>()
  readonly byId = new Map<number, RegisteredCharger>()
  private readonly insert
  private readonly update

  constructor(
    db: SqliteDb,
    private readonly words: Words,
  ) {
    for (const row of db.prepare(`SELECT * FROM chargers`).all() as ChargerRow[]) {
      this.remember(
        new RegisteredCharger(row.id, row.first_seen, {
          uuid: row.uuid,
          label: row.label,
          present: row.present === 1,
          bucket: bucketAt(row.bucket) ?? 'unknown',
          status: words.text(row.status),
          error: words.text(row.error),
          connectedAt: row.connected_at,
          disconnectedAt: row.disconnected_at,
          changedAt: row.changed_at,
          source: undefined,
        }),
      )
    }
    this.insert = db.prepare(
      `INSERT INTO chargers (uuid, label, first_seen, present, bucket, status, error, connected_at, disconnected_at, changed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    this.update = db.prepare(
      `UPDATE chargers SET label = ?, present = ?, bucket = ?, status = ?, error = ?, connected_at = ?,
       disconnected_at = ?, changed_at = ? WHERE id = ?`,
    )
  }

  private remember(charger: RegisteredCharger): void {
    this.byUuid.set(charger.uuid, charger)
    this.byId.set(charger.id, charger)
  }

  /** Writes the state (inside the caller's transaction) and answers the charger's row id. */
  save(state: ChargerState, at: number): number {
    const known = this.byUuid.get(state.uuid)
    const w = this.words
    if (known) {
      this.update.run(
        state.label,
        state.present ? 1 : 0,
        bucketCode(state.bucket),
        w.id(state.status),
        w.id(state.error),
        state.connectedAt,
        state.disconnectedAt,
        state.changedAt,
        known.id,
      )
      known.set(state)
      return known.id
    }
    const id = Number(
      this.insert.run(
        state.uuid,
        state.label,
        at,
        state.present ? 1 : 0,
        bucketCode(state.bucket),
        w.id(state.status),
        w.id(state.error),
        state.connectedAt,
        state.disconnectedAt,
        state.changedAt,
      ).lastInsertRowid,
    )
    this.remember(new RegisteredCharger(id, at, state))
    return id
  }

  forget(ids: readonly number[]): void {
    for (const id of ids) {
      const charger = this.byId.get(id)
      if (!charger) continue
      this.byId.delete(id)
      this.byUuid.delete(charger.uuid)
    }
  }
}

/** The first event id whose observed time is ≥ t (events are appended in time order). */
export function firstEventIdAtOrAfter(db: SqliteDb, t: number): number {
  const row = db.prepare(`SELECT max(id) AS max FROM events`).get() as { max: number | null }
  if (row.max === null) return 1
  const atOf = db.prepare(`SELECT at FROM events WHERE id >= ? ORDER BY id LIMIT 1`).pluck()
  let low = 1
  let high = row.max + 1
  while (low < high) {
    const mid = Math.floor((low + high) / 2)
    const at = atOf.get(mid) as number | undefined
    if (at === undefined || at >= t) high = mid
    else low = mid + 1
  }
  return low
}
