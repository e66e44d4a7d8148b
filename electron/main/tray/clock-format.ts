// Clock times and durations for the tray and notifications. Injected (locale and time zone) so that what the
// policies print is the same on every machine in tests, and the user's own locale in the app.

export interface ClockFormat {
  /** "14:05" */
  time(epochMs: number): string
  /** "3 Nov": shown with the time when it is not today. */
  day(epochMs: number): string
}

export interface ClockFormatOptions {
  /** BCP 47 locale; the system's when absent. */
  locale?: string
  /** IANA time zone; the system's when absent. */
  timeZone?: string
}

export function clockFormat(options: ClockFormatOptions = {}): ClockFormat {
  const zone = options.timeZone ? { timeZone: options.timeZone } : {}
  const time = new Intl.DateTimeFormat(options.locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...zone,
  })
  const day = new Intl.DateTimeFormat(options.locale, { day: 'numeric', month: 'short', ...zone })
  return { time: (ms) => time.format(ms), day: (ms) => day.format(ms) }
}

/** "14:05" when `at` is on the same day as `now`, otherwise "3 Nov 14:05". */
export function clockTime(format: ClockFormat, at: number, now: number): string {
  const day = format.day(at)
  return day === format.day(now) ? format.time(at) : `${day} ${format.time(at)}`
}

/** "45 s", "12 min", "3 h", "2 d": how long something has lasted, rounded down. */
export function shortDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000))
  if (seconds < 60) return `${seconds} s`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return `${minutes} min`
  const hours = Math.floor(minutes / 60)
  if (hours < 48) return `${hours} h`
  return `${Math.floor(hours / 24)} d`
}

/** An ISO time as epoch ms, or null when it is absent or not a time. */
export function parseTime(iso: string | null | undefined): number | null {
  if (!iso) return null
  const ms = Date.parse(iso)
  return Number.isFinite(ms) ? ms : null
}
