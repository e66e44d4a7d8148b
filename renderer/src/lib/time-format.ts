// Relative and absolute times for people ("3 min ago", "offline for 3 h", "14:05"). Pure: `now` is passed in
// so that rows re-render from one shared clock and tests need no fake timers.

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** Milliseconds since the epoch, or null for a missing or unreadable timestamp (never NaN). */
export function parseTimestamp(value: string | null | undefined): number | null {
  if (!value) return null
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? null : ms
}

/** A span as one coarse unit, rounded down: "under a minute", "12 min", "3 h", "2 d". */
export function formatDuration(ms: number): string {
  const span = Math.max(0, ms)
  // Seconds would tick visibly out of date between clock ticks ("offline for 0 s"): not worth showing.
  if (span < MINUTE) return 'under a minute'
  if (span < HOUR) return `${Math.floor(span / MINUTE)} min`
  if (span < DAY) return `${Math.floor(span / HOUR)} h`
  return `${Math.floor(span / DAY)} d`
}

/**
 * "less than a minute ago", "2 min ago", "3 h ago", "5 d ago"; a time slightly in the future (clocks of
 * charger, server and this machine disagree) reads "just now" rather than an alarming "in 2 min".
 */
export function formatRelative(timestamp: number, now: number, options: { compact?: boolean } = {}): string {
  const age = now - timestamp
  if (age < -MINUTE) return `in ${formatDuration(-age)}`
  if (age < MINUTE) return options.compact ? 'just now' : 'less than a minute ago'
  return `${formatDuration(age)} ago`
}

export function formatRelativeIso(value: string | null | undefined, now: number): string | null {
  const ms = parseTimestamp(value)
  return ms === null ? null : formatRelative(ms, now)
}

const absoluteFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' })
const clockFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' })
const dayAndClockFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
})

/** The exact local date and time, for tooltips and the detail panel. */
export function formatAbsolute(timestamp: number): string {
  return absoluteFormat.format(timestamp)
}

/** "14:05" for a time today, "3 Mar, 14:05" otherwise: short enough for the freshness line. */
export function formatClock(timestamp: number, now: number): string {
  const sameDay = new Date(timestamp).toDateString() === new Date(now).toDateString()
  return (sameDay ? clockFormat : dayAndClockFormat).format(timestamp)
}
