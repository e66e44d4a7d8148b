// The simulator's rate limit: a sliding window of request times, like the 500 requests per minute per user
// that Plugchoice enforces across everything the user runs.

export type TakeResult =
  { allowed: true; remaining: number } | { allowed: false; retryAfterSec: number; resetAtSec: number }

export class SlidingWindowLimiter {
  /** Times of the requests inside the window, oldest first. */
  private hits: number[] = []

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly clock: () => number,
  ) {}

  /** Counts one request if the window has room. */
  take(): TakeResult {
    const now = this.clock()
    this.prune(now)
    if (this.hits.length >= this.limit) {
      const freeAt = (this.hits[0] ?? now) + this.windowMs
      return {
        allowed: false,
        retryAfterSec: Math.max(1, Math.ceil((freeAt - now) / 1000)),
        resetAtSec: Math.ceil(freeAt / 1000),
      }
    }
    this.hits.push(now)
    return { allowed: true, remaining: this.limit - this.hits.length }
  }

  /** Requests spent elsewhere (the user's other tools) inside the current window. */
  spend(count: number): void {
    const now = this.clock()
    this.prune(now)
    for (let i = 0; i < count; i++) this.hits.push(now)
  }

  remaining(): number {
    this.prune(this.clock())
    return Math.max(0, this.limit - this.hits.length)
  }

  private prune(now: number): void {
    let expired = 0
    while (expired < this.hits.length && (this.hits[expired] as number) <= now - this.windowMs) expired++
    if (expired > 0) this.hits.splice(0, expired)
  }
}
