// Uptime by whole days (pure): what one day of a charger's timeline contributes to any longer period, so that
// a period's uptime is the sum of its days' figures instead of a walk over a month of events.
//
// Up and known seconds add up across days (a segment cut at midnight knows the same seconds in two pieces).
// The longest outage does not: an outage that runs across midnight is one outage, so each day also keeps the
// offline run that opens it (`lead`, only when it continues the day before), the one that closes it (`trail`)
// and its longest (`inner`); `joinDays` puts the runs back together.
import type { Bucket } from '@shared/fleet-health'
import { knownSeconds, UP, DOWN, type Coverage, type Segment } from './uptime'

export interface DayFigures {
  up: number
  known: number
  /** The offline run from the day's start, when it continues the previous day's (no change at midnight). */
  lead: number
  /** The longest offline run inside the day, cut to the day. */
  inner: number
  /** The offline run that reaches the day's end. */
  trail: number
}

export const NO_FIGURES: DayFigures = { up: 0, known: 0, lead: 0, inner: 0, trail: 0 }

/**
 * The figures of [start, end) from its segments (timeline(start, end, …)). `cutAtStart`: a change happened
 * exactly at `start`, so the first run is a new outage, not the previous day's continued.
 */
export function figuresOf(
  segments: readonly Segment[],
  coverage: Coverage,
  start: number,
  end: number,
  cutAtStart: boolean,
): DayFigures {
  let up = 0
  let known = 0
  let inner = 0
  let lead = 0
  let trail = 0
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!
    const bucket: Bucket | null = segment.bucket
    if (bucket === 'offline') {
      const length = segment.end - segment.start
      inner = Math.max(inner, length)
      if (segment.start === start && !cutAtStart) lead = length
      if (segment.end === end) trail = length
    }
    if (bucket === null || (!UP.has(bucket) && !DOWN.has(bucket))) continue
    const seconds = knownSeconds(segment, coverage)
    known += seconds
    if (UP.has(bucket)) up += seconds
  }
  return { up, known, lead, inner, trail }
}

/**
 * Sums consecutive days' figures (in time order) into each charger's up, known and longest outage over the
 * period, for `count` chargers numbered from 0. Columns, not an object per charger or per day: a month of a
 * 10,000-charger fleet passes 300,000 days through here.
 */
export class DaysJoined {
  private readonly upSec: Float64Array
  private readonly knownSec: Float64Array
  private readonly best: Float64Array
  private readonly run: Float64Array

  constructor(count: number) {
    this.upSec = new Float64Array(count)
    this.knownSec = new Float64Array(count)
    this.best = new Float64Array(count)
    this.run = new Float64Array(count)
  }

  /** Charger `k`'s next day (or part of one, `length` seconds long). */
  add(k: number, up: number, known: number, lead: number, inner: number, trail: number, length: number): void {
    this.upSec[k]! += up
    this.knownSec[k]! += known
    if (lead === length) {
      this.run[k]! += length
      return
    }
    this.best[k] = Math.max(this.best[k]!, this.run[k]! + lead, inner)
    this.run[k] = trail
  }

  addFigures(k: number, day: DayFigures, length: number): void {
    this.add(k, day.up, day.known, day.lead, day.inner, day.trail, length)
  }

  up(k: number): number {
    return this.upSec[k]!
  }

  known(k: number): number {
    return this.knownSec[k]!
  }

  longestOutage(k: number): number {
    return Math.max(this.best[k]!, this.run[k]!)
  }
}
