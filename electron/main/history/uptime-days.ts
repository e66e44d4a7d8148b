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

/** Sums consecutive days' figures (in time order) into a period's up, known and longest outage. */
export class DaysJoined {
  up = 0
  known = 0
  private best = 0
  private run = 0

  add(day: DayFigures, length: number): void {
    this.up += day.up
    this.known += day.known
    if (day.lead === length) {
      this.run += length
      return
    }
    this.best = Math.max(this.best, this.run + day.lead, day.inner)
    this.run = day.trail
  }

  get longestOutage(): number {
    return Math.max(this.best, this.run)
  }
}
