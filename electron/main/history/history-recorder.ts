// Writes the history: each sync's outcome, the chargers that changed, and the spans when the app watched.
// One transaction per sync; nothing but the sync row when nothing changed.
//
// Watch spans follow the good syncs: a good sync extends the open span when it comes within the gap
// tolerance of the last one, otherwise (laptop asleep, network gone, app closed) it starts a new span, so the
// time in between stays "not watched". watchStopped ends a span; a crash leaves it ended at its last sync.
import type { Charger } from '@shared/plugchoice-schemas'
import type { SqliteDb } from './history-db'
import { diffFleet, type ChargerState } from './fleet-diff'
import { bucketCode, encodeCounts, firstEventIdAtOrAfter, kindCode, type Registry, type Words } from './history-tables'
import { dayOf, DayRollups } from './day-rollups'
import { firstRollupDay } from './rollup-backfill'

export type SyncOutcome = { ok: true; requests: number } | { ok: false; code: string; requests: number }

export interface RecordSyncInput {
  /** When the sync completed (epoch ms). */
  at: number
  outcome: SyncOutcome
  /** The fleet shown before the sync: used only while the history has no record of this account yet. */
  before?: readonly Charger[] | null
  /** The complete fleet read by a good sync. */
  after?: readonly Charger[] | null
  /** The poll interval in force: a gap longer than three of them (at least 10 min) is "not watched". */
  pollIntervalMs?: number
}

/** A command the user sent, as charger-actions records it (epoch ms; the chargers by uuid). */
export interface ActionEntry {
  at: number
  action: string
  chargers: readonly string[]
  answer: string
}

export interface RecordResult {
  events: number
  pruned: boolean
}

const DAY_SEC = 86_400
const MIN_GAP_SEC = 600

export class HistoryRecorder {
  private openSpan: { id: number; end: number } | null = null
  private lastGoodSync: number | null
  private lastAt: number
  /** The registry's chargers in the order the last good sync listed them (fleet-diff.ts's hint). */
  private lastOrder: readonly (ChargerState | undefined)[] = []
  private readonly stmt
  private readonly rollups: DayRollups

  constructor(
    private readonly db: SqliteDb,
    private readonly words: Words,
    private readonly registry: Registry,
    private retentionDays: number,
  ) {
    this.stmt = {
      event: db.prepare(
        `INSERT INTO events (charger, at, eff, kind, from_bucket, to_bucket, status_before, status_after,
         error_before, error_after, error_info) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      action: db.prepare(
        `INSERT INTO events (charger, at, eff, kind, from_bucket, to_bucket, status_before, status_after,
         error_before, error_after, action, answer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      sync: db.prepare(`INSERT OR REPLACE INTO syncs (at, ok, error_code, requests, counts) VALUES (?, ?, ?, ?, ?)`),
      spanStart: db.prepare(`INSERT INTO watch_spans (start, end) VALUES (?, ?)`),
      spanEnd: db.prepare(`UPDATE watch_spans SET end = ? WHERE id = ?`),
      meta: db.prepare(`INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)`),
      metaGet: db.prepare(`SELECT value FROM meta WHERE key = ?`).pluck(),
    }
    this.rollups = new DayRollups(db)
    this.lastGoodSync = db.prepare(`SELECT max(at) FROM syncs WHERE ok = 1`).pluck().get() as number | null
    const lastEvent = db.prepare(`SELECT max(at) FROM events`).pluck().get() as number | null
    this.lastAt = Math.max(lastEvent ?? 0, this.lastGoodSync ?? 0)
  }

  setRetentionDays(days: number): void {
    this.retentionDays = days
  }

  /** The app (re)started watching: whatever span was open is over. */
  watchStarted(): void {
    this.openSpan = null
  }

  /** The app stops watching (quit, sign-out, sleep): the open span ends now. */
  watchStopped(atMs: number, pollIntervalMs?: number): void {
    const at = Math.floor(atMs / 1000)
    const span = this.openSpan
    this.openSpan = null
    if (span && at > span.end && at - span.end <= gapTolerance(pollIntervalMs)) this.stmt.spanEnd.run(at, span.id)
  }

  recordSync(input: RecordSyncInput): RecordResult {
    // Events stay in time order (their rowid is their order) even if the wall clock steps back.
    const at = Math.max(Math.floor(input.at / 1000), this.lastAt)
    const write = this.db.transaction((): number => {
      if (!input.outcome.ok || !input.after) {
        const code = input.outcome.ok ? 'incomplete' : input.outcome.code
        this.stmt.sync.run(at, 0, code, input.outcome.requests, null)
        return 0
      }
      const prior = this.priorStates(input.before ?? null, at)
      const diff = diffFleet(prior, input.after, at, this.lastGoodSync, this.lastOrder)
      this.lastOrder = diff.order
      const ids = new Map<string, number>()
      for (const state of diff.states) ids.set(state.uuid, this.registry.save(state, at))
      const w = this.words
      for (const e of diff.events) {
        const charger = ids.get(e.uuid) ?? this.registry.byUuid.get(e.uuid)!.id
        this.stmt.event.run(
          charger,
          e.at,
          e.eff,
          kindCode(e.kind),
          bucketCode(e.from),
          bucketCode(e.to),
          w.id(e.statusBefore),
          w.id(e.statusAfter),
          w.id(e.errorBefore),
          w.id(e.errorAfter),
          w.id(e.errorInfo),
        )
        if (dayOf(e.eff) < dayOf(e.at)) this.rollups.eventWritten(charger, e.eff, e.at)
      }
      this.stmt.sync.run(at, 1, null, input.outcome.requests, encodeCounts(diff.counts))
      this.extendSpan(at, input.pollIntervalMs)
      this.lastGoodSync = at
      return diff.events.length
    })
    const events = write.immediate()
    this.lastAt = at
    const pruned = this.pruneIfDue(at)
    return { events, pruned }
  }

  /** The history's own record; a new history starts from the fleet shown before, if any, without events. */
  private priorStates(before: readonly Charger[] | null, at: number): ReadonlyMap<string, ChargerState> {
    if (this.registry.byUuid.size > 0 || !before || before.length === 0) return this.registry.byUuid
    const seeded = diffFleet(new Map(), before, at, null)
    for (const state of seeded.states) this.registry.save(state, at)
    return this.registry.byUuid
  }

  private extendSpan(at: number, pollIntervalMs: number | undefined): void {
    const span = this.openSpan
    if (span && at - span.end <= gapTolerance(pollIntervalMs)) {
      this.stmt.spanEnd.run(at, span.id)
      span.end = at
      return
    }
    const id = Number(this.stmt.spanStart.run(at, at).lastInsertRowid)
    this.openSpan = { id, end: at }
  }

  /**
   * One event per charger named, in the time order of the rest: `at` (observed) is never before what is
   * already recorded, `eff` is when it was sent (an imported older action keeps its own moment there).
   */
  recordActions(entries: readonly ActionEntry[]): number {
    const w = this.words
    const write = this.db.transaction(() => {
      let written = 0
      for (const entry of entries) {
        const eff = Math.floor(entry.at / 1000)
        const at = Math.max(eff, this.lastAt)
        for (const uuid of entry.chargers) {
          const charger = this.registry.byUuid.get(uuid)
          if (!charger) continue
          const state = bucketCode(charger.present ? charger.bucket : null)
          const [status, error] = [w.id(charger.status), w.id(charger.error)]
          this.stmt.action.run(
            charger.id,
            at,
            eff,
            kindCode('action'),
            state,
            state,
            status,
            status,
            error,
            error,
            w.id(entry.action),
            w.id(entry.answer),
          )
          written++
        }
        this.lastAt = at
      }
      return written
    })
    return write.immediate()
  }

  /** Whether the old actions-<account>.jsonl has been taken in (it is, once). */
  actionsImported(): boolean {
    return this.stmt.metaGet.get('actions_imported') !== undefined
  }

  markActionsImported(at: number): void {
    this.stmt.meta.run('actions_imported', String(at))
  }

  /** The last moment recorded (epoch seconds): a period ending then or later is read from the rollups. */
  get lastRecordedAt(): number {
    return this.lastAt
  }

  /** Rolls up the days the last syncs settled (kept off recordSync: once a day it walks the whole fleet). */
  rollUp(): number {
    const first = firstRollupDay(this.db, this.lastAt - this.retentionDays * DAY_SEC)
    return first === null ? 0 : this.rollups.rollUp(this.lastAt, first)
  }

  get dayRollups(): DayRollups {
    return this.rollups
  }

  /** Once a day: events, syncs and spans older than the retention go. */
  pruneIfDue(at: number): boolean {
    const last = Number(this.stmt.metaGet.get('last_prune') ?? 0)
    if (at - last < DAY_SEC) return false
    this.prune(at)
    return true
  }

  prune(at: number): void {
    const cutoff = at - this.retentionDays * DAY_SEC
    const run = this.db.transaction(() => {
      const firstKept = firstEventIdAtOrAfter(this.db, cutoff)
      this.db.prepare(`DELETE FROM events WHERE id < ?`).run(firstKept)
      this.db.prepare(`DELETE FROM syncs WHERE at < ?`).run(cutoff)
      this.db.prepare(`DELETE FROM watch_spans WHERE end < ?`).run(cutoff)
      this.db.prepare(`UPDATE watch_spans SET start = ? WHERE start < ?`).run(cutoff, cutoff)
      this.rollups.prune(cutoff)
      // A charger removed before the cutoff with no events left is forgotten too.
      const gone = this.db
        .prepare(
          `SELECT id FROM chargers c WHERE present = 0 AND changed_at < ?
           AND NOT EXISTS (SELECT 1 FROM events e WHERE e.charger = c.id)`,
        )
        .pluck()
        .all(cutoff) as number[]
      const forget = this.db.prepare(`DELETE FROM chargers WHERE id = ?`)
      for (const id of gone) forget.run(id)
      this.registry.forget(gone)
      // A forgotten charger must not be matched again from the hint.
      this.lastOrder = []
      this.stmt.meta.run('last_prune', String(at))
    })
    run.immediate()
  }
}

function gapTolerance(pollIntervalMs: number | undefined): number {
  return Math.max(MIN_GAP_SEC, Math.ceil(((pollIntervalMs ?? 60_000) * 3) / 1000))
}
