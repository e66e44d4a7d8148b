// Virtual time for the sync tests: a Clock whose timers fire only when the test advances it, and a sleep that
// advances it at once, so backoffs and rate-limit waits of minutes take no real time (and can be inspected).
import type { Clock } from '@main/sync/clock'

export class FakeClock implements Clock {
  #now: number
  #timers = new Map<number, { at: number; fn: () => void }>()
  #nextId = 1
  /** Every sleep asked for, in order. */
  readonly sleeps: number[] = []

  constructor(start = Date.UTC(2026, 0, 15, 12)) {
    this.#now = start
  }

  now = (): number => this.#now

  setTimeout = (fn: () => void, ms: number): unknown => {
    const id = this.#nextId++
    this.#timers.set(id, { at: this.#now + Math.max(0, ms), fn })
    return id
  }

  clearTimeout = (handle: unknown): void => {
    this.#timers.delete(handle as number)
  }

  /** A sleep that returns at once but moves time on. */
  sleep = async (ms: number): Promise<void> => {
    this.sleeps.push(ms)
    this.#now += ms
  }

  get pendingTimers(): number {
    return this.#timers.size
  }

  /** Moves time to the earliest timer, fires it and lets the promises it started settle. False if none. */
  async runNextTimer(): Promise<boolean> {
    let first: [number, { at: number; fn: () => void }] | undefined
    for (const entry of this.#timers) if (!first || entry[1].at < first[1].at) first = entry
    if (!first) return false
    this.#timers.delete(first[0])
    this.#now = Math.max(this.#now, first[1].at)
    first[1].fn()
    await settle()
    return true
  }

  advance(ms: number): void {
    this.#now += ms
  }
}

/** Lets every promise chain that is ready run to its end. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise<void>((resolve) => setImmediate(resolve))
}
