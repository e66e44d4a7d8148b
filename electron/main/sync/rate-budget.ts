// Plugchoice allows 500 requests a minute per user, shared by everything the user runs (web portal,
// integrations, this app). This keeps the app out of the last part of that budget: it reads
// X-RateLimit-Remaining from every answer and, when the next request would eat into the reserve, says how
// long to wait for the window to refill. The API does not say when its window started, so the refill time is
// an upper bound: one window after the first answer we saw in the current window.

export interface RateBudgetOptions {
  /** Requests left untouched for the user's other tools. Capped at a fifth of the limit for small limits. */
  reserve?: number
  /** The length of the server's rate window (the docs say per minute). */
  windowMs?: number
  now?: () => number
}

export interface RateObservation {
  limit: number | null
  remaining: number | null
}

export const DEFAULT_RESERVE = 100
export const DEFAULT_WINDOW_MS = 60_000

export class RateBudget {
  readonly #reserve: number
  readonly #windowMs: number
  readonly #now: () => number
  #limit: number | null = null
  #remaining: number | null = null
  /** When we first saw an answer of the current window: the window refills by this + windowMs at the latest. */
  #windowSeenAt: number | null = null
  #inFlight = 0
  /** The most requests in flight at once since the window was seen: how far apart answers can be. */
  #peakInFlight = 0
  #pausedUntil = 0

  constructor(options: RateBudgetOptions = {}) {
    this.#reserve = options.reserve ?? DEFAULT_RESERVE
    this.#windowMs = options.windowMs ?? DEFAULT_WINDOW_MS
    this.#now = options.now ?? Date.now
  }

  /** How long to wait before sending the next request: 0 when the budget allows it now. */
  delayBeforeRequest(): number {
    const now = this.#now()
    if (this.#pausedUntil > now) return this.#pausedUntil - now
    if (this.#remaining === null || this.#windowSeenAt === null) return 0
    const refillAt = this.#windowSeenAt + this.#windowMs
    if (now >= refillAt) {
      // The window we knew about is over; the next answer tells us about the new one.
      this.#forgetWindow()
      return 0
    }
    // Answers still in flight have been (or will be) counted by the server already.
    const available = this.#remaining - this.#inFlight
    return available > this.reserve ? 0 : refillAt - now
  }

  /** The reserve in force: DEFAULT_RESERVE of 500, a fifth of smaller limits (else it would never let us run). */
  get reserve(): number {
    return this.#limit === null ? this.#reserve : Math.min(this.#reserve, Math.floor(this.#limit / 5))
  }

  /** What the last answer said, for status lines and tests. */
  get remaining(): number | null {
    return this.#remaining
  }

  requestStarted(): void {
    this.#inFlight += 1
    this.#peakInFlight = Math.max(this.#peakInFlight, this.#inFlight)
  }

  /** Call once per started request, with the answer's rate headers (or null without an answer). */
  requestFinished(rate: RateObservation | null): void {
    this.#inFlight = Math.max(0, this.#inFlight - 1)
    if (rate) this.observe(rate)
  }

  observe(rate: RateObservation): void {
    if (rate.limit !== null) this.#limit = rate.limit
    if (rate.remaining === null) return
    const now = this.#now()
    // Answers overtake each other: one sent before the last counted can say a few more are left. Only more than
    // the requests in flight since could explain means the server started a new window; a late answer is
    // older news and must not hand back budget that later requests already spent.
    const known = this.#remaining
    if (known === null || this.#windowSeenAt === null || rate.remaining > known + this.#peakInFlight) {
      this.#windowSeenAt = now
      this.#remaining = rate.remaining
      this.#peakInFlight = this.#inFlight
    } else {
      this.#remaining = Math.min(known, rate.remaining)
    }
  }

  /** A 429: nothing goes out before Retry-After (or a whole window when the server did not say). */
  rateLimited(retryAfterMs: number | null): void {
    const now = this.#now()
    this.#pausedUntil = Math.max(this.#pausedUntil, now + (retryAfterMs ?? this.#windowMs))
    this.#forgetWindow()
  }

  #forgetWindow(): void {
    this.#remaining = null
    this.#windowSeenAt = null
  }
}
