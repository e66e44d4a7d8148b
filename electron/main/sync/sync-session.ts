// The syncing of one signed-in client: its walk through the charger list, its poll timer, its abort controller
// and its SyncStatus. The app makes one per sign-in (or restored token, or demo) and disposes of it at sign-out,
// at another sign-in and at quit. Disposing is the only guard against a stale sync: it aborts the session's one
// signal, and nothing of a session whose signal is aborted reaches the fleet, the cache or the screen.
import {
  idleSyncStatus,
  MAX_REJECTED_REPORTED,
  type Account,
  type PollStatus,
  type SyncStatus,
} from '@shared/app-schemas'
import type { Charger, RejectedRecord } from '@shared/plugchoice-schemas'
import { isPlugchoiceError } from '../api/api-errors'
import { toAppError } from '../core/app-error'
import type { Clock } from './clock'
import type { SyncOptions, SyncResult } from './fleet-sync'
import { PollScheduler, type PollRunResult } from './poll-scheduler'

export interface SyncedFleet {
  account: Account
  chargers: Charger[]
  rejected: RejectedRecord[]
  fetchedAt: string
  /** Requests the sync used (GET /user included), for the history's record of it. */
  requests: number
}

/**
 * What changed: a page arrived (progress); something a glance shows (a sync began or ended, a new timer);
 * or the session stopped for good because the token was signed out.
 */
export type SyncChange = 'progress' | 'phase' | 'stopped'

export interface SyncSessionDeps {
  syncer: { sync(options: SyncOptions): Promise<SyncResult> }
  /** Who the token belongs to, and how many requests it took to find out (a restored token asks GET /user once). */
  identify: (signal: AbortSignal) => Promise<{ account: Account; requests: number }>
  /** A page of the walk under way arrived (the app shows a first sync's rows as they come). */
  onPage?: (chargers: readonly Charger[], signal: AbortSignal) => void
  /** Every page is in: the app files the fleet (model, cache, notifications). `signal` aborts at dispose. */
  onSynced: (fleet: SyncedFleet, signal: AbortSignal) => Promise<void>
  /** Plugchoice refused the token; true when the app has signed it out, so this session stops polling for good. */
  onTokenRejected: () => Promise<boolean>
  /** A sync failed (not cancelled): its error code, for the history. */
  onFailed?: (code: string, requests: number) => void
  onChange: (change: SyncChange) => void
  clock: Clock
  intervalMs: number
}

function isoOrNull(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString()
}

export class SyncSession {
  readonly #deps: SyncSessionDeps
  readonly #controller = new AbortController()
  readonly #scheduler: PollScheduler
  #status: SyncStatus = idleSyncStatus()

  constructor(deps: SyncSessionDeps) {
    this.#deps = deps
    this.#scheduler = new PollScheduler({
      run: () => this.#run(),
      clock: deps.clock,
      intervalMs: deps.intervalMs,
      onState: () => this.#changed('phase'),
    })
  }

  get disposed(): boolean {
    return this.#controller.signal.aborted
  }

  /** Polling from now, with a sync at once. */
  start(): void {
    if (!this.disposed) this.#scheduler.start()
  }

  /** A refresh someone asked for: now, or as soon as the request budget allows; joins a sync under way. */
  refresh(): Promise<void> {
    return this.#scheduler.requestRefresh()
  }

  setIntervalMs(ms: number): void {
    this.#scheduler.setIntervalMs(ms)
  }

  status(): SyncStatus {
    const { nextRunAt, refreshAt } = this.#scheduler.status()
    return { ...this.#status, nextSyncAt: isoOrNull(nextRunAt), refreshAt: isoOrNull(refreshAt) }
  }

  poll(): PollStatus {
    const { intervalMs, effectiveIntervalMs, description, running } = this.#scheduler.status()
    return { intervalMs, effectiveIntervalMs, description, running }
  }

  /** Stops polling, cancels the sync under way and waits for it to settle: afterwards this session writes nothing. */
  async dispose(): Promise<void> {
    this.#stop()
    await this.#scheduler.settled()
  }

  #stop(): void {
    this.#controller.abort()
    this.#scheduler.stop()
  }

  async #run(): Promise<PollRunResult> {
    const signal = this.#controller.signal
    const { clock, identify, syncer, onSynced, onTokenRejected } = this.#deps
    this.#status = {
      ...this.#status,
      state: 'syncing',
      pagesRead: 0,
      chargersRead: 0,
      lastAttemptAt: new Date(clock.now()).toISOString(),
    }
    this.#changed('phase')
    try {
      const { account, requests: identifyRequests } = await identify(signal)
      const result = await syncer.sync({
        signal,
        onProgress: ({ pagesRead, chargersRead, page }) => {
          if (signal.aborted) return
          this.#status = { ...this.#status, pagesRead, chargersRead, waiting: null }
          this.#deps.onPage?.(page, signal)
          this.#changed('progress')
        },
        onWait: ({ reason, ms, error }) => {
          if (signal.aborted) return
          const until = new Date(clock.now() + ms).toISOString()
          // A failed attempt is news at once (the list turns stale), even though the page will be tried again.
          const lastError = error === null ? this.#status.lastError : toAppError(error)
          this.#status = { ...this.#status, waiting: { reason, until }, lastError }
          this.#changed('phase')
        },
      })
      const requests = result.requests + identifyRequests
      if (signal.aborted) return { requests, chargers: result.chargers.length }
      const fetchedAt = new Date(clock.now()).toISOString()
      this.#status = {
        ...this.#status,
        state: 'idle',
        waiting: null,
        lastSuccessAt: fetchedAt,
        lastError: null,
        rejected: result.rejected.slice(0, MAX_REJECTED_REPORTED),
      }
      await onSynced({ account, chargers: result.chargers, rejected: result.rejected, fetchedAt, requests }, signal)
      this.#changed('phase')
      return { requests, chargers: result.chargers.length }
    } catch (error) {
      if (signal.aborted) throw error
      const lastError = toAppError(error)
      this.#status = { ...this.#status, state: 'error', waiting: null, lastError }
      this.#deps.onFailed?.(lastError.code, 0)
      const signedOut = isPlugchoiceError(error) && error.code === 'token-rejected' && (await onTokenRejected())
      if (signedOut) {
        this.#stop()
        this.#deps.onChange('stopped')
      } else {
        this.#changed('phase')
      }
      throw error
    }
  }

  #changed(change: SyncChange): void {
    if (!this.disposed) this.#deps.onChange(change)
  }
}
