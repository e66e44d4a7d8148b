// A first sync with nothing cached shows its rows as the pages arrive, instead of an empty window for the
// whole walk. The first page goes out at once; later ones are gathered and sent at most every `everyMs`, so
// a 400-page walk is a handful of small deltas, not 400 re-renders. Nothing here is filed as a fleet: the
// cache, the history and notifications still wait for every page (fleet-app.ts files the complete one).
import type { FleetDelta } from '@shared/app-schemas'
import type { Charger } from '@shared/plugchoice-schemas'
import type { Clock } from '../sync/clock'
import type { FleetModel } from './fleet-model'

export const PARTIAL_FLUSH_MS = 250

export interface FirstSyncRowsDeps {
  fleet: FleetModel
  clock: Clock
  /** A delta of new rows is ready (sent before the status that names its revision). */
  emit: (delta: FleetDelta) => void
  everyMs?: number
}

export class FirstSyncRows {
  readonly #deps: FirstSyncRowsDeps
  #pending: Charger[] = []
  #account: string | null = null
  #timer: unknown = null
  #lastFlushAt: number | null = null

  constructor(deps: FirstSyncRowsDeps) {
    this.#deps = deps
  }

  /** Whether a page of this account's sync adds rows: only while no complete fleet is on screen. */
  accepts(accountUuid: string): boolean {
    const { source, accountUuid: owner } = this.#deps.fleet.origin
    return source === 'none' || (source === 'partial' && owner === accountUuid)
  }

  /** A page arrived; true when it was taken (the caller then reports the status after this). */
  page(chargers: readonly Charger[], accountUuid: string): void {
    if (!this.accepts(accountUuid)) return
    this.#account = accountUuid
    this.#pending.push(...chargers)
    const now = this.#deps.clock.now()
    const every = this.#deps.everyMs ?? PARTIAL_FLUSH_MS
    if (this.#lastFlushAt === null || now - this.#lastFlushAt >= every) this.flush()
    else this.#timer ??= this.#deps.clock.setTimeout(() => this.flush(), every - (now - this.#lastFlushAt))
  }

  /** Sends what is gathered (the timer's, or before the complete fleet replaces the partial one). */
  flush(): void {
    this.#cancelTimer()
    const account = this.#account
    if (this.#pending.length === 0 || account === null || !this.accepts(account)) return
    const page = this.#pending
    this.#pending = []
    this.#lastFlushAt = this.#deps.clock.now()
    const delta = this.#deps.fleet.appendPartial(page, { source: 'partial', accountUuid: account, fetchedAt: null })
    if (delta) this.#deps.emit(delta)
  }

  /** The walk is over (complete, failed or cancelled) or the account changed: nothing more is sent. */
  reset(): void {
    this.#cancelTimer()
    this.#pending = []
    this.#account = null
    this.#lastFlushAt = null
  }

  #cancelTimer(): void {
    if (this.#timer !== null) this.#deps.clock.clearTimeout(this.#timer)
    this.#timer = null
  }
}
