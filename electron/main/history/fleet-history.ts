// The fleet history of the signed-in account: the one object the app talks to. The app opens it after the
// cached fleet is on screen, calls recordSync after every sync and watchStarted/watchStopped around polling,
// and closes it (or deletes it, on sign-out). Nothing here throws at the app: a damaged database is set
// aside and a new one started with a notice; any other failure turns history off with a notice.
import type { HistoryStatus, ActivityPage, ActivityQuery, FleetSeries } from '@shared/history-schemas'
import type { ChargerHistory, Flapping, HistoryEvent, SinceLastLooked } from '@shared/history-schemas'
import { AppError } from '../core/app-error'
import {
  deleteHistoryFiles,
  describeOpenFailure,
  historyPath,
  openHistoryDb,
  setAside,
  type SqliteDb,
} from './history-db'
import { HistoryQueries, type ChargerUptime } from './history-queries'
import { HistoryRecorder, type ActionEntry, type RecordResult, type RecordSyncInput } from './history-recorder'
import { Registry, Words } from './history-tables'

export const DEFAULT_RETENTION_DAYS = 90

export interface FleetHistoryDeps {
  userDataDir: string
  now?: () => number
  retentionDays?: number
  log?: (line: string) => void
}

interface Open {
  accountUuid: string
  path: string
  db: SqliteDb
  recorder: HistoryRecorder
  queries: HistoryQueries
}

function isCorruption(error: unknown): boolean {
  const code = (error as { code?: unknown }).code
  return typeof code === 'string' && (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'))
}

export class FleetHistory {
  private current: Open | null = null
  private notice: string | null = null
  private retentionDays: number
  private readonly now: () => number
  private readonly log: (line: string) => void

  constructor(private readonly deps: FleetHistoryDeps) {
    this.now = deps.now ?? Date.now
    this.log = deps.log ?? ((line) => console.log(`[plugfleet] ${line}`))
    this.retentionDays = deps.retentionDays ?? DEFAULT_RETENTION_DAYS
  }

  /** Opens (or switches to) the account's history; answers its status, never throws. */
  open(accountUuid: string): HistoryStatus {
    if (this.current?.accountUuid === accountUuid) return this.status()
    this.close()
    const path = historyPath(this.deps.userDataDir, accountUuid)
    const opened = openHistoryDb(path, { now: this.now })
    this.notice = opened.notice
    if (opened.notice) this.log(opened.notice)
    if (opened.db) this.current = this.attach(accountUuid, path, opened.db)
    return this.status()
  }

  private attach(accountUuid: string, path: string, db: SqliteDb): Open {
    const words = new Words(db)
    const registry = new Registry(db, words)
    return {
      accountUuid,
      path,
      db,
      recorder: new HistoryRecorder(db, words, registry, this.retentionDays),
      queries: new HistoryQueries(db, words, registry),
    }
  }

  status(): HistoryStatus {
    return { open: this.current !== null, notice: this.notice }
  }

  close(): void {
    const open = this.current
    this.current = null
    if (!open) return
    try {
      open.db.close()
    } catch (error) {
      this.log(`history close failed: ${(error as Error).message}`)
    }
  }

  /** Signing out deletes the account's history with its cache. */
  deleteAccount(accountUuid: string): void {
    if (this.current?.accountUuid === accountUuid) this.close()
    this.notice = null
    deleteHistoryFiles(this.deps.userDataDir, accountUuid)
  }

  setRetentionDays(days: number): void {
    this.retentionDays = days
    this.current?.recorder.setRetentionDays(days)
  }

  /** After every sync, good or failed. Null when history is off. */
  recordSync(input: RecordSyncInput): RecordResult | null {
    return this.write((open) => open.recorder.recordSync(input), null)
  }

  /** Actions the user sent (restart, bulk commands): visible in the charger's History and the Activity. */
  recordActions(entries: readonly ActionEntry[]): number {
    return this.write((open) => open.recorder.recordActions(entries), 0)
  }

  /** Takes in the actions recorded before the history did (actions-<account>.jsonl), once per history. */
  importActionsOnce(read: () => readonly ActionEntry[]): number {
    return this.write((open) => {
      if (open.recorder.actionsImported()) return 0
      const written = open.recorder.recordActions(read())
      open.recorder.markActionsImported(this.now())
      return written
    }, 0)
  }

  watchStarted(): void {
    this.write((open) => open.recorder.watchStarted(), undefined)
  }

  watchStopped(atMs: number = this.now(), pollIntervalMs?: number): void {
    this.write((open) => open.recorder.watchStopped(atMs, pollIntervalMs), undefined)
  }

  chargerHistory(uuid: string): ChargerHistory | null {
    return this.read((q) => q.chargerHistory(uuid, this.now()))
  }

  activity(query: ActivityQuery): ActivityPage {
    return this.read((q) => q.activity(query))
  }

  sinceLastLooked(): SinceLastLooked {
    return this.read((q) => q.sinceLastLooked())
  }

  markSeen(): void {
    this.read((q) => q.markSeen(this.now()))
  }

  fleetSeries(period: FleetSeries['period']): FleetSeries {
    return this.read((q) => q.fleetSeries(period, this.now()))
  }

  flapping(windowMs: number, minCount: number): Flapping[] {
    return this.read((q) => q.flapping(this.now(), windowMs, minCount))
  }

  uptimeAll(fromMs: number, toMs: number): ChargerUptime[] {
    const recorder = this.current?.recorder
    // Whatever the last syncs settled and no timer has rolled up yet is rolled up first.
    if (recorder) this.write((open) => open.recorder.rollUp(), 0)
    const rolled = recorder ? { rollups: recorder.dayRollups, lastAt: recorder.lastRecordedAt } : undefined
    return this.read((q) => q.uptimeAll(fromMs, toMs, rolled))
  }

  /** Rolls up the days the syncs have settled; the app calls it soon after a sync, off the sync's path. */
  rollUp(): number {
    return this.write((open) => open.recorder.rollUp(), 0)
  }

  eventsBetween(fromMs: number, toMs: number): HistoryEvent[] {
    return this.read((q) => q.eventsBetween(fromMs, toMs))
  }

  private write<T>(fn: (open: Open) => T, off: T): T {
    const open = this.current
    if (!open) return off
    try {
      return fn(open)
    } catch (error) {
      this.recover(open, error)
      return off
    }
  }

  private read<T>(fn: (queries: HistoryQueries) => T): T {
    const open = this.current
    if (!open) throw new AppError('history-off', this.notice ?? 'There is no fleet history for this account yet.')
    try {
      return fn(open.queries)
    } catch (error) {
      this.recover(open, error)
      throw new AppError('history-failed', this.notice ?? 'The fleet history could not be read.', { cause: error })
    }
  }

  /** A damaged file is set aside and a new history started; anything else leaves it as it is, with a notice. */
  private recover(open: Open, error: unknown): void {
    this.log(`history failed: ${describeOpenFailure(error)}`)
    if (!isCorruption(error)) {
      this.notice = `The fleet history could not be updated (${describeOpenFailure(error)}).`
      return
    }
    this.close()
    try {
      const movedTo = setAside(open.path, this.now())
      const reopened = openHistoryDb(open.path, { now: this.now })
      this.notice = `The fleet history was damaged; it was set aside as ${movedTo} and a new one started.`
      if (reopened.db) this.current = this.attach(open.accountUuid, open.path, reopened.db)
    } catch (second) {
      this.notice = `The fleet history is off for now: ${describeOpenFailure(second)}.`
    }
  }
}
