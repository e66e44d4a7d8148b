// Virtual time for the simulated day: the app's Clock, whose timers fire only when the driver says so, and a
// sleep that moves time on at once (the syncer's backoffs and rate-limit waits take no real time).
import type { Clock } from '@main/sync/clock'

export class VirtualClock implements Clock {
  #now: number
  #timers = new Map<number, { at: number; fn: () => void }>()
  #nextId = 1

  constructor(start: number) {
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

  sleep = async (ms: number): Promise<void> => {
    this.#now += Math.max(0, ms)
  }

  nextTimerAt(): number | null {
    let first: number | null = null
    for (const { at } of this.#timers.values()) if (first === null || at < first) first = at
    return first
  }

  /** Moves time to the earliest timer and fires it. */
  async fireNext(): Promise<void> {
    let first: [number, { at: number; fn: () => void }] | undefined
    for (const entry of this.#timers) if (!first || entry[1].at < first[1].at) first = entry
    if (!first) return
    this.#timers.delete(first[0])
    this.#now = Math.max(this.#now, first[1].at)
    first[1].fn()
  }

  /** Time passes with nothing firing (a sleeping laptop); the timers due meanwhile fire on the next steps. */
  jump(ms: number): void {
    this.#now += ms
  }

  setTo(at: number): void {
    this.#now = Math.max(this.#now, at)
  }
}
