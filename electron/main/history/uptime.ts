// Uptime arithmetic over a charger's recorded events (pure; times in epoch seconds).
//
// A charger's timeline is cut by its events at the moment each happened. Time counts only where it is known:
// inside a watch span (the app was syncing), or between an event's API moment and when the app observed it
// ("went offline at 02:10" seen at 08:00 makes 02:10–08:00 known offline). Everything else is "not watched"
// and never counted as up. Up means connected and not faulted (OK, In use, Attention); Offline, Fault and
// Never connected are down; Unknown is neither.
import type { Bucket } from '@shared/fleet-health'
import type { StripState } from '@shared/history-schemas'

export interface Span {
  start: number
  end: number
}

export interface TimelineEvent {
  at: number
  eff: number
  from: Bucket | null
  to: Bucket | null
}

export interface ChargerRecord {
  firstSeen: number
  present: boolean
  bucket: Bucket
}

export interface Segment {
  start: number
  end: number
  /** null: not in the fleet then. */
  bucket: Bucket | null
  /** Known from the API up to here (exclusive) even outside watch spans. */
  apiUntil: number
}

export interface UptimeFigures {
  upSec: number
  knownSec: number
  longestOutageSec: number
}

export const UP: ReadonlySet<Bucket> = new Set(['ok', 'in_use', 'attention'])
export const DOWN: ReadonlySet<Bucket> = new Set(['offline', 'fault', 'never_connected'])

/** The union of watch spans, with the measure of any interval's overlap in O(log n). */
export class Coverage {
  readonly spans: Span[]
  private readonly prefix: number[]

  constructor(spans: readonly Span[]) {
    const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start)
    const merged: Span[] = []
    for (const span of sorted) {
      const last = merged[merged.length - 1]
      if (last && span.start <= last.end) last.end = Math.max(last.end, span.end)
      else merged.push({ ...span })
    }
    this.spans = merged
    this.prefix = [0]
    for (const span of merged) this.prefix.push(this.prefix[this.prefix.length - 1]! + span.end - span.start)
  }

  /** Index of the first span ending after t. */
  private firstEndingAfter(t: number): number {
    let low = 0
    let high = this.spans.length
    while (low < high) {
      const mid = (low + high) >> 1
      if (this.spans[mid]!.end <= t) low = mid + 1
      else high = mid
    }
    return low
  }

  /** Covered seconds of [a, b). */
  measure(a: number, b: number): number {
    if (b <= a) return 0
    return this.coveredUpTo(b) - this.coveredUpTo(a)
  }

  private coveredUpTo(t: number): number {
    const i = this.firstEndingAfter(t)
    const span = this.spans[i]
    const partial = span && span.start < t ? t - span.start : 0
    return this.prefix[i]! + partial
  }

  /** [a, b) cut into covered and uncovered pieces, in order. */
  pieces(a: number, b: number): { start: number; end: number; covered: boolean }[] {
    const out: { start: number; end: number; covered: boolean }[] = []
    let cursor = a
    for (let i = this.firstEndingAfter(a); i < this.spans.length && cursor < b; i++) {
      const span = this.spans[i]!
      if (span.start >= b) break
      if (span.start > cursor) out.push({ start: cursor, end: span.start, covered: false })
      const end = Math.min(span.end, b)
      out.push({ start: Math.max(cursor, span.start), end, covered: true })
      cursor = end
    }
    if (cursor < b) out.push({ start: cursor, end: b, covered: false })
    return out
  }
}

/** The charger's states over [from, to), from its events in that period (sorted by eff) and its record. */
export function timeline(from: number, to: number, record: ChargerRecord, events: readonly TimelineEvent[]): Segment[] {
  const segments: Segment[] = []
  let cursor = Math.max(from, record.firstSeen)
  let state: Bucket | null = events.length > 0 ? events[0]!.from : record.present ? record.bucket : null
  let apiUntil = cursor
  if (cursor > from) segments.push({ start: from, end: Math.min(cursor, to), bucket: null, apiUntil: from })
  for (const event of events) {
    if (event.eff > cursor && cursor < to) {
      segments.push({ start: cursor, end: Math.min(event.eff, to), bucket: state, apiUntil })
      cursor = event.eff
    }
    state = event.to
    apiUntil = Math.max(event.at, cursor)
  }
  if (cursor < to) segments.push({ start: cursor, end: to, bucket: state, apiUntil })
  return segments
}

/** Seconds of the segment that are known: watched, or covered by the API's own moments. */
export function knownSeconds(segment: Segment, coverage: Coverage): number {
  const { start, end } = segment
  const watched = coverage.measure(start, end)
  const apiEnd = Math.min(segment.apiUntil, end)
  return apiEnd > start ? watched + (apiEnd - start) - coverage.measure(start, apiEnd) : watched
}

export function uptimeOf(segments: readonly Segment[], coverage: Coverage): UptimeFigures {
  let upSec = 0
  let knownSec = 0
  let longestOutageSec = 0
  for (const segment of segments) {
    if (segment.bucket === null) continue
    if (segment.bucket === 'offline') longestOutageSec = Math.max(longestOutageSec, segment.end - segment.start)
    if (!UP.has(segment.bucket) && !DOWN.has(segment.bucket)) continue
    const known = knownSeconds(segment, coverage)
    knownSec += known
    if (UP.has(segment.bucket)) upSec += known
  }
  return { upSec, knownSec, longestOutageSec }
}

/** The strip: each segment's known pieces in its state, the rest "not watched", neighbours of one state joined. */
export function stripOf(
  segments: readonly Segment[],
  coverage: Coverage,
): { start: number; end: number; state: StripState }[] {
  const out: { start: number; end: number; state: StripState }[] = []
  const push = (start: number, end: number, state: StripState) => {
    if (end <= start) return
    const last = out[out.length - 1]
    if (last && last.state === state && last.end === start) last.end = end
    else out.push({ start, end, state })
  }
  for (const segment of segments) {
    if (segment.bucket === null) {
      // Not in the fleet is only known while the app watched: before its first sync it knows nothing.
      for (const piece of coverage.pieces(segment.start, segment.end))
        push(piece.start, piece.end, piece.covered ? 'absent' : 'not_watched')
      continue
    }
    const apiEnd = Math.min(segment.apiUntil, segment.end)
    for (const piece of coverage.pieces(segment.start, segment.end)) {
      if (piece.covered) push(piece.start, piece.end, segment.bucket)
      else {
        // The API-known head of the segment counts as known even while nobody watched.
        const known = Math.min(piece.end, apiEnd)
        if (known > piece.start) push(piece.start, known, segment.bucket)
        push(Math.max(piece.start, known), piece.end, 'not_watched')
      }
    }
  }
  return out
}
