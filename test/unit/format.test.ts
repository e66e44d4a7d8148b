import { describe, expect, it } from 'vitest'
import { AuthStatusSchema, FleetStatusSchema, idleSyncStatus } from '@shared/app-schemas'
import { withFacts } from '@shared/charger-facts'
import { countBuckets } from '@shared/fleet-health'
import {
  createFormat,
  formatDuration,
  formatRelative,
  formatRelativeIso,
  formatWait,
  parseTime,
  systemFormat,
} from '@shared/format'
import { ChargerSchema } from '@shared/plugchoice-schemas'
import { trayView } from '@main/tray/tray-policy'

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

describe('one formatting home, with the locale and the clock passed in', () => {
  const utc = createFormat({ locale: 'en-GB', timeZone: 'UTC' })

  it('counts with the locale’s digits and an English plural', () => {
    expect(utc.count(1, 'charger')).toBe('1 charger')
    expect(utc.count(0, 'charger')).toBe('0 chargers')
    expect(utc.count(8000, 'charger')).toBe('8,000 chargers')
    expect(createFormat({ locale: 'de-DE' }).count(8000, 'charger')).toBe('8.000 chargers')
    expect(createFormat({ locale: 'de-DE' }).count(1, 'fault')).toBe('1 fault')
    expect(utc.count(2, 'needs attention', 'need attention')).toBe('2 need attention')
  })

  it('writes clock times in the time zone given, with the day when it is not today', () => {
    const at = Date.parse('2026-03-10T14:05:00Z')
    expect(utc.clock(at, at + 10 * MIN)).toBe('14:05')
    expect(createFormat({ locale: 'en-GB', timeZone: 'Europe/Amsterdam' }).clock(at, at)).toBe('15:05')
    expect(utc.clock(at, at + 2 * 24 * 60 * MIN)).toBe('10 Mar 14:05')
  })

  it('says a wait to come exactly, rounded up', () => {
    expect(formatWait(45_000)).toBe('45 s')
    expect(formatWait(1)).toBe('1 s')
    expect(formatWait(120_000)).toBe('2 min')
    expect(formatWait(90_500)).toBe('1 min 31 s')
  })

  it('gives the tray, the notifications and the window the same words for how long', () => {
    const disconnected = Date.parse('2026-03-10T14:00:00Z')
    const now = disconnected + 45_000
    const [offline] = withFacts(
      [
        ChargerSchema.parse({
          uuid: 'c',
          identity: 'EVB-1',
          connection_status: 'offline',
          last_disconnection_at: new Date(disconnected).toISOString(),
        }),
      ],
      { now, format: utc },
    )
    const tray = trayView(
      {
        auth: AuthStatusSchema.parse({
          state: 'signed-in',
          account: null,
          tokenSaved: true,
          keychain: { available: true, reason: null },
          message: null,
        }),
        fleet: FleetStatusSchema.parse({
          source: 'live',
          accountUuid: 'a',
          fetchedAt: new Date(now).toISOString(),
          revision: 1,
          total: 1,
          stale: false,
          sync: idleSyncStatus(),
          poll: { intervalMs: 60_000, effectiveIntervalMs: 60_000, description: 'every 1 min', running: true },
          notice: null,
        }),
        counts: countBuckets([offline!]),
        problems: [offline!],
        notificationsPausedUntil: null,
        now,
      },
      utc,
    )
    const item = tray.menu.find((entry) => entry.kind === 'item' && entry.action?.type === 'show-charger')
    // Before, the tray said "45 s" where the window said "under a minute".
    expect(item?.kind === 'item' && item.label).toBe(`EVB-1 — Offline for ${formatDuration(now - disconnected)}`)
    expect(formatDuration(now - disconnected)).toBe('under a minute')
  })
})
