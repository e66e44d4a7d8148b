// Reads the whole charger list. The documented way is to follow `links.next` one page at a time; where the
// links follow the plain `?page=N` pattern this reads a few pages ahead concurrently (bounded), and it asks
// for bigger pages (trusting only what `meta.per_page` reports). A sync either returns every page or fails:
// nothing partial ever reaches the caller, so the last good fleet survives a failed refresh. Each call is its
// own walk (sync-run.ts) with its own signal: the sync session (sync-session.ts) keeps to one at a time. Here:
// the syncer's options, their defaults, and what a walk reports.
import type { Charger, RejectedRecord } from '@shared/plugchoice-schemas'
import { defaultSleep, type ChargerPageSource, type RetryRules, type Sleep } from './page-retry'
import type { RateBudget } from './rate-budget'
import { SyncRun } from './sync-run'

export type { ChargerPageSource, Sleep } from './page-retry'

export interface SyncProgress {
  pagesRead: number
  chargersRead: number
  /** The chargers of the page just read (a first sync shows them before the walk is over). */
  page: readonly Charger[]
}

/** A page waits: to try again after a failed attempt (its error), or for the rate budget to refill. */
export interface SyncWait {
  reason: 'retry' | 'rate-budget'
  ms: number
  error: unknown
}

export interface SyncResult {
  chargers: Charger[]
  rejected: RejectedRecord[]
  /** Pages that make up the fleet. */
  pages: number
  /** Every request sent, retries and read-ahead included. */
  requests: number
  /** Read-ahead requests whose answer was not needed (pages past the end). */
  wastedRequests: number
  /** The page size the server reported (meta.per_page), not the one we asked for. */
  perPage: number
  http429: number
}

export interface SyncOptions {
  signal?: AbortSignal
  onProgress?: (progress: SyncProgress) => void
  onWait?: (wait: SyncWait) => void
}

export interface FleetSyncerOptions {
  client: ChargerPageSource
  budget: RateBudget
  sleep?: Sleep
  random?: () => number
  /** Attempts per page for 5xx, network errors and timeouts (the first try included). */
  maxAttempts?: number
  /** How many times one page may wait out a 429 before the sync gives up. */
  maxRateLimitWaits?: number
  /** Pages in flight at once when the links allow it; 1 means follow `links.next` one by one. */
  readAhead?: number
  perPage?: number
  /** A walk longer than this is a server bug (or a hostile one), not a fleet. */
  maxPages?: number
  backoffBaseMs?: number
  backoffCapMs?: number
  log?: (line: string) => void
}

/** The options with their defaults applied, shared by every run. */
export interface RunSettings extends RetryRules {
  readAhead: number
  perPage: number
  maxPages: number
}

export class FleetSyncer {
  readonly #settings: RunSettings

  constructor(options: FleetSyncerOptions) {
    this.#settings = {
      client: options.client,
      budget: options.budget,
      sleep: options.sleep ?? defaultSleep,
      random: options.random ?? Math.random,
      maxAttempts: Math.max(1, options.maxAttempts ?? 4),
      maxRateLimitWaits: Math.max(0, options.maxRateLimitWaits ?? 5),
      readAhead: Math.max(1, Math.floor(options.readAhead ?? 4)),
      perPage: options.perPage ?? 100,
      maxPages: options.maxPages ?? 10_000,
      backoffBaseMs: options.backoffBaseMs ?? 500,
      backoffCapMs: options.backoffCapMs ?? 8_000,
      log: options.log ?? (() => undefined),
    }
  }

  /** Reads every page; `signal` cancels this walk and nothing else. */
  sync(options: SyncOptions = {}): Promise<SyncResult> {
    const { onProgress, onWait } = options
    const settings: RunSettings = {
      ...this.#settings,
      onWait: (reason, ms, error) => guarded(() => onWait?.({ reason, ms, error })),
    }
    return new SyncRun(settings, options.signal, (progress) => guarded(() => onProgress?.(progress))).execute()
  }
}

function guarded(listener: () => void): void {
  try {
    listener()
  } catch {
    // A listener's bug must not break the sync.
  }
}
