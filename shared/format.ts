// How the app writes times, durations and counts, for the window, the tray and the notifications alike.
// The locale and time zone are passed in (createFormat) and so is the clock (`now`), so that every process
// prints the same words and tests print the same thing on every machine. The words are English: a count
// picks its English plural; the locale only decides digits, separators and clock times.

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

export interface FormatOptions {
  /** BCP 47 locale; the system's when absent. */
  locale?: string
  /** IANA time zone; the system's when absent. */
  timeZone?: string
}

export interface Format {
  /** "14:05" */
  time(at: number): string
  /** "3 Nov": shown with the time when it is not today. */
  day(at: number): string
  /** "14:05" when `at` is on the same day as `now`, otherwise "3 Nov 14:05". */
  clock(at: number, now: number): string
  /** The exact date and time, for tooltips and the detail panel. */
  absolute(at: number): string
  /** "8,000" */
  number(n: number): string
  /** "1 charger", "8,000 chargers". */
  count(n: number, one: string, many?: string): string
}

export function createFormat(options: FormatOptions = {}): Format {
  const zone = options.timeZone ? { timeZone: options.timeZone } : {}
  const time = new Intl.DateTimeFormat(options.locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...zone,
  })
  const day = new Intl.DateTimeFormat(options.locale, { day: 'numeric', month: 'short', ...zone })
  const absolute = new Intl.DateTimeFormat(options.locale, { dateStyle: 'medium', timeStyle: 'medium', ...zone })
  const number = new Intl.NumberFormat(options.locale)
  const format: Format = {
    time: (at) => time.format(at),
    day: (at) => day.format(at),
    clock: (at, now) => {
      const date = format.day(at)
      return date === format.day(now) ? format.time(at) : `${date} ${format.time(at)}`
    },
    absolute: (at) => absolute.format(at),
    number: (n) => number.format(n),
    count: (n, one, many = `${one}s`) => `${number.format(n)} ${n === 1 ? one : many}`,
  }
  return format
}

let system: Format | null = null
/** The format of this machine's own locale and time zone (built once: Intl formatters are not cheap). */
export function systemFormat(): Format {
  system ??= createFormat()
  return system
}

/** Milliseconds since the epoch, or null for a missing or unreadable timestamp (never NaN). */
export function parseTime(value: string | null | undefined): number | null {
  if (!value) return null
  const ms = Date.parse(value)
  return Number.isFinite(ms) ? ms : null
}

/** How long something has lasted, as one coarse unit rounded down: "under a minute", "12 min", "3 h", "2 d". */
export function formatDuration(ms: number): string {
  const span = Math.max(0, ms)
  // Seconds would tick visibly out of date between re-renders ("offline for 0 s"): not worth showing.
  if (span < MINUTE) return 'under a minute'
  if (span < HOUR) return `${Math.floor(span / MINUTE)} min`
  if (span < DAY) return `${Math.floor(span / HOUR)} h`
  return `${Math.floor(span / DAY)} d`
}

/**
 * "less than a minute ago", "2 min ago", "3 h ago", "5 d ago"; a time slightly in the future (clocks of
 * charger, server and this machine disagree) reads "just now" rather than an alarming "in 2 min".
 */
export function formatRelative(at: number, now: number, options: { compact?: boolean } = {}): string {
  const age = now - at
  if (age < -MINUTE) return `in ${formatDuration(-age)}`
  if (age < MINUTE) return options.compact ? 'just now' : 'less than a minute ago'
  return `${formatDuration(age)} ago`
}

/** Past this, an age in days says less than the date itself ("57 d ago" vs "7 Oct 2026"). */
export const RECENT_AGE_MS = 3 * DAY

/** "3 h ago" for a moment within the last few days; null for an older one, which is shown as its date only. */
export function formatRecentAge(at: number, now: number): string | null {
  return now - at > RECENT_AGE_MS ? null : formatRelative(at, now)
}

export function formatRelativeIso(value: string | null | undefined, now: number): string | null {
  const ms = parseTime(value)
  return ms === null ? null : formatRelative(ms, now)
}

/** A wait still to come, exact and rounded up: "45 s", "2 min", "1 min 30 s" ("try again in 45 s"). */
export function formatWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / SECOND))
  if (seconds < 60) return `${seconds} s`
  const minutes = Math.floor(seconds / 60)
  const rest = seconds % 60
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`
}

/**
 * "2026-11-24 14:05:09": the form every spreadsheet reads as a date and time, in the given zone (the
 * system's when absent). The zone itself is not in the cell (spreadsheets would read it as text): say it in
 * the column's header, with timeZoneName().
 */
export function spreadsheetTime(at: number, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    ...(timeZone ? { timeZone } : {}),
  }).formatToParts(at)
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}:${part('second')}`
}

/** The IANA name of the zone times are written in ("Europe/Amsterdam"), the system's when none is given. */
export function timeZoneName(timeZone?: string): string {
  return timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone
}
