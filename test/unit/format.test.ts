import { describe, expect, it } from 'vitest'
import { formatDuration, formatRelative, formatRelativeIso, parseTime, systemFormat } from '@shared/format'

const formatClock = (at: number, now: number) => systemFormat().clock(at, now)

const now = Date.parse('2026-03-03T14:05:00Z')
const ago = (ms: number) => now - ms
const MIN = 60_000

describe('relative time', () => {
  it.each([
    [0, 'less than a minute ago'],
    [59_000, 'less than a minute ago'],
    [2 * MIN, '2 min ago'],
    [2 * MIN + 59_000, '2 min ago'],
    [59 * MIN, '59 min ago'],
    [3 * 60 * MIN + 40 * MIN, '3 h ago'],
    [5 * 24 * 60 * MIN, '5 d ago'],
  ])('%i ms ago reads "%s"', (age, expected) => {
    expect(formatRelative(ago(age), now)).toBe(expected)
  })

  it('has a compact form for narrow columns', () => {
    expect(formatRelative(ago(20_000), now, { compact: true })).toBe('just now')
    expect(formatRelative(ago(2 * MIN), now, { compact: true })).toBe('2 min ago')
  })

  it('a time a few seconds ahead (clock skew) is not "in the future"', () => {
    expect(formatRelative(now + 20_000, now)).toBe('less than a minute ago')
    expect(formatRelative(now + 5 * MIN, now)).toBe('in 5 min')
  })

  it('durations for "offline for …"', () => {
    expect(formatDuration(45_000)).toBe('under a minute')
    expect(formatDuration(12 * MIN + 59_000)).toBe('12 min')
    expect(formatDuration(3 * 60 * MIN + 1)).toBe('3 h')
    expect(formatDuration(-5)).toBe('under a minute')
  })

  it('reads the API timestamp format with microseconds and treats junk as missing', () => {
    expect(parseTime('2026-01-10T01:14:32.000000Z')).toBe(Date.parse('2026-01-10T01:14:32Z'))
    expect(parseTime('yesterday-ish')).toBeNull()
    expect(parseTime(null)).toBeNull()
    expect(formatRelativeIso(undefined, now)).toBeNull()
  })

  it('a clock time today omits the date, another day includes it', () => {
    const today = formatClock(now - 5 * MIN, now)
    const earlier = formatClock(now - 3 * 24 * 60 * MIN, now)
    expect(today).toMatch(/\d\d.\d\d/)
    expect(earlier.length).toBeGreaterThan(today.length)
  })
})
