// Simulated time that runs faster than the wall clock ("a day in seconds"), for the simulator's `clock`
// option: the fleet's changes, its timestamps and its rate limit all follow it, so a test or the demo can
// make a week of history in a minute.
export interface FastClock {
  /** Simulated epoch ms. */
  now(): number
  /** Simulated ms per real ms. */
  readonly speed: number
  /** Jumps simulated time forward (a laptop that slept). */
  skip(ms: number): void
}

export const DAY_MS = 86_400_000

/** `speed` simulated ms per real ms from `start`; e.g. `fastClock(DAY_MS / 10_000)` runs a day in 10 s. */
export function fastClock(speed: number, start: number = Date.now(), realNow: () => number = Date.now): FastClock {
  if (!(speed > 0)) throw new RangeError(`A clock speed must be > 0, got ${speed}`)
  const realStart = realNow()
  let skipped = 0
  return {
    speed,
    now: () => start + skipped + (realNow() - realStart) * speed,
    skip(ms) {
      skipped += ms
    },
  }
}
