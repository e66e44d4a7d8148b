// When to sync. Polite by construction: in steady state the app uses at most `requestsPerMinute` (a fifth of
// the user's 500/min, shared with their other tools) whatever the fleet size, so a big fleet stretches the
// interval and the app says so ("every 3 min 15 s for 8,000 chargers"). Failures back off exponentially with
// jitter; a rejected token stops polling until someone signs in again.
import { AppError } from '../core/app-error'
import { MIN_POLL_INTERVAL_SEC } from '@shared/constants'
import { formatWait } from '@shared/format'
import type { Clock } from './clock'

export const MIN_POLL_INTERVAL_MS = MIN_POLL_INTERVAL_SEC * 1000
export const DEFAULT_REQUESTS_PER_MINUTE = 100
export const FAILURE_BACKOFF_BASE_MS = 30_000
export const FAILURE_BACKOFF_CAP_MS = 15 * 60_000
/** Stretched intervals are rounded up to this step so the description stays readable. */
const STRETCH_STEP_MS = 15_000

export interface PollRunResult {
  requests: number
  chargers: number
}

export interface PollSchedulerStatus {
  /** What the user asked for. */
  intervalMs: number
  /** What the request budget allows for the fleet of the last poll (never shorter than intervalMs). */
  effectiveIntervalMs: number
  description: string
  /** Started and not stopped. */
  running: boolean
  /** A run is under way right now. */
  busy: boolean
  nextRunAt: number | null
  /** A refresh someone asked for that the request budget holds back until then (null once it runs). */
  refreshAt: number | null
  consecutiveFailures: number
  lastError: { code: string; message: string } | null
  /** Why polling stopped by itself ('token-rejected'), null otherwise. */
  stoppedBecause: 'token-rejected' | null
}

export interface PollSchedulerOptions {
  run: () => Promise<PollRunResult>
  clock: Clock
  intervalMs: number
  requestsPerMinute?: number
  random?: () => number
  onState?: (status: PollSchedulerStatus) => void
}

/**
 * The interval that keeps `requests` per poll within `requestsPerMinute`: the user's interval, or longer
 * (rounded up to a 15 s step) for a fleet that needs many requests.
 */
export function effectiveIntervalMs(intervalMs: number, requestsPerPoll: number, requestsPerMinute: number): number {
  const floor = Math.ceil((requestsPerPoll / requestsPerMinute) * 60_000)
  if (floor <= intervalMs) return intervalMs
  return Math.ceil(floor / STRETCH_STEP_MS) * STRETCH_STEP_MS
}

/** "every 1 min", or "every 3 min 15 s for 8,000 chargers" when the fleet stretched it. */
export function describeInterval(intervalMs: number, effectiveMs: number, chargers: number | null): string {
  const base = `every ${formatWait(effectiveMs)}`
  if (effectiveMs <= intervalMs || chargers === null) return base
  return `${base} for ${chargers.toLocaleString('en-US')} ${chargers === 1 ? 'charger' : 'chargers'}`
}

export class PollScheduler {
  readonly #run: () => Promise<PollRunResult>
  readonly #clock: Clock
  readonly #requestsPerMinute: number
  readonly #random: () => number
  readonly #onState: (status: PollSchedulerStatus) => void
  #intervalMs: number
  #started = false
  #timer: unknown = null
  #nextRunAt: number | null = null
  #inFlight: Promise<void> | null = null
  #lastRequests = 0
  #lastChargers: number | null = null
  #lastStartedAt: number | null = null
  #refreshAt: number | null = null
  #failures = 0
  #lastError: PollSchedulerStatus['lastError'] = null
  #stoppedBecause: PollSchedulerStatus['stoppedBecause'] = null

  constructor(options: PollSchedulerOptions) {
    this.#run = options.run
    this.#clock = options.clock
    this.#intervalMs = clampInterval(options.intervalMs)
    this.#requestsPerMinute = options.requestsPerMinute ?? DEFAULT_REQUESTS_PER_MINUTE
    this.#random = options.random ?? Math.random
    this.#onState = options.onState ?? (() => undefined)
  }

  /** Starts polling with a run right away. Idempotent. */
  start(): void {
    if (this.#started) return
    this.#started = true
    this.#stoppedBecause = null
    this.#failures = 0
    void this.triggerNow()
  }

  /** No further runs are scheduled; a run under way finishes but schedules nothing. */
  stop(): void {
    this.#started = false
    this.#refreshAt = null
    this.#cancelTimer()
    this.#emit()
  }

  /** A new user interval (at least 15 s); the pending poll is rescheduled from the last run's start. */
  setIntervalMs(ms: number): void {
    this.#intervalMs = clampInterval(ms)
    if (this.#started && !this.#inFlight && this.#failures === 0 && this.#lastStartedAt !== null) {
      this.#schedule(Math.max(this.#clock.now(), this.#lastStartedAt + this.#effectiveMs()))
    }
    this.#emit()
  }

  /**
   * Manual refresh, resume from sleep, network back: runs now, or joins the run under way. Resolves when that
   * run is over (it never rejects: the outcome is in status()). Does nothing while stopped.
   */
  triggerNow(): Promise<void> {
    if (this.#inFlight) return this.#inFlight
    if (!this.#started) return Promise.resolve()
    this.#cancelTimer()
    this.#refreshAt = null
    const startedAt = this.#clock.now()
    this.#lastStartedAt = startedAt
    this.#inFlight = this.#execute(startedAt).finally(() => {
      this.#inFlight = null
      this.#emit()
    })
    this.#emit()
    return this.#inFlight
  }

  /**
   * A refresh someone asked for (Refresh, resume from sleep, network back): now, unless the last run was so
   * recent that another would break the request budget; then as soon as the budget allows. However often it
   * is asked (a button held down, a flapping network), polling stays within `requestsPerMinute`.
   */
  requestRefresh(): Promise<void> {
    if (this.#inFlight || !this.#started || this.#lastStartedAt === null) return this.triggerNow()
    const earliest = this.#lastStartedAt + Math.ceil((this.#lastRequests / this.#requestsPerMinute) * 60_000)
    if (this.#clock.now() >= earliest) return this.triggerNow()
    if (this.#nextRunAt === null || this.#nextRunAt > earliest) this.#schedule(earliest)
    this.#refreshAt = this.#nextRunAt
    this.#emit()
    return Promise.resolve()
  }

  /** Resolves once no run is under way (at once if none is). */
  settled(): Promise<void> {
    return this.#inFlight ?? Promise.resolve()
  }

  status(): PollSchedulerStatus {
    const effective = this.#effectiveMs()
    return {
      intervalMs: this.#intervalMs,
      effectiveIntervalMs: effective,
      description: describeInterval(this.#intervalMs, effective, this.#lastChargers),
      running: this.#started,
      busy: this.#inFlight !== null,
      nextRunAt: this.#nextRunAt,
      refreshAt: this.#refreshAt,
      consecutiveFailures: this.#failures,
      lastError: this.#lastError,
      stoppedBecause: this.#stoppedBecause,
    }
  }

  async #execute(startedAt: number): Promise<void> {
    try {
      const result = await this.#run()
      this.#lastRequests = result.requests
      this.#lastChargers = result.chargers
      this.#failures = 0
      this.#lastError = null
      // Start to start, so a poll of R requests every `effective` ms is exactly R per effective interval.
      if (this.#started) this.#schedule(Math.max(startedAt + this.#effectiveMs(), this.#clock.now()))
    } catch (error) {
      this.#failures += 1
      this.#lastError =
        error instanceof AppError
          ? { code: error.code, message: error.message }
          : { code: 'internal', message: 'The sync failed unexpectedly.' }
      if (error instanceof AppError && error.code === 'token-rejected') {
        this.#started = false
        this.#stoppedBecause = 'token-rejected'
        this.#cancelTimer()
        return
      }
      if (this.#started) this.#schedule(this.#clock.now() + this.#failureDelay(error))
    }
  }

  /**
   * Exponential backoff with equal jitter (half fixed, half random: it still grows visibly), never sooner than
   * Retry-After, and never faster than the request budget allows for a fleet of the last known size.
   */
  #failureDelay(error: unknown): number {
    const exponential = Math.min(FAILURE_BACKOFF_CAP_MS, FAILURE_BACKOFF_BASE_MS * 2 ** (this.#failures - 1))
    const jittered = exponential / 2 + this.#random() * (exponential / 2)
    const retryAfter = (error as { retryAfterMs?: unknown } | null)?.retryAfterMs
    const budgetFloor = effectiveIntervalMs(0, this.#lastRequests, this.#requestsPerMinute)
    return Math.round(Math.max(jittered, typeof retryAfter === 'number' ? retryAfter : 0, budgetFloor))
  }

  #effectiveMs(): number {
    return effectiveIntervalMs(this.#intervalMs, this.#lastRequests, this.#requestsPerMinute)
  }

  #schedule(at: number): void {
    this.#cancelTimer()
    this.#nextRunAt = at
    this.#timer = this.#clock.setTimeout(
      () => {
        this.#timer = null
        this.#nextRunAt = null
        void this.triggerNow()
      },
      Math.max(0, at - this.#clock.now()),
    )
  }

  #cancelTimer(): void {
    if (this.#timer !== null) this.#clock.clearTimeout(this.#timer)
    this.#timer = null
    this.#nextRunAt = null
  }

  #emit(): void {
    try {
      this.#onState(this.status())
    } catch {
      // A listener's bug must not stop polling.
    }
  }
}

function clampInterval(ms: number): number {
  return Number.isFinite(ms) ? Math.max(MIN_POLL_INTERVAL_MS, Math.round(ms)) : MIN_POLL_INTERVAL_MS
}
