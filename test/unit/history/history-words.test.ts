import { describe, expect, it } from 'vitest'
import { sinceLastLookedLine, uptimeLine } from '@shared/history-words'
import { HISTORY_EVENT_KINDS } from '@shared/history-schemas'

const counts = (given: Partial<Record<(typeof HISTORY_EVENT_KINDS)[number], number>>) =>
  Object.fromEntries(HISTORY_EVENT_KINDS.map((k) => [k, given[k] ?? 0])) as Record<
    (typeof HISTORY_EVENT_KINDS)[number],
    number
  >

describe('history in words', () => {
  it('says what happened since the user last looked, in the Activity words', () => {
    const since = { lookedAt: null, total: 5, counts: counts({ came_back: 2, went_offline: 3 }), firstLabels: [] }
    expect(sinceLastLookedLine(since)).toBe('Since you last looked: 3 went offline, 2 came back')
    expect(sinceLastLookedLine({ ...since, total: 0, counts: counts({}) })).toBeNull()
  })

  it('gives uptime to a tenth of a percent, never rounding up to a perfect 100', () => {
    const uptime = { upMs: 0, knownMs: 1, periodMs: 1, longestOutageMs: 0 }
    expect(uptimeLine('7 d', { ...uptime, ratio: 0.98237 })).toBe('Uptime 7 d: 98.2 %')
    expect(uptimeLine('7 d', { ...uptime, ratio: 0.99999 })).toBe('Uptime 7 d: 99.9 %')
    expect(uptimeLine('24 h', { ...uptime, ratio: null })).toBe('Uptime 24 h: not watched')
  })
})
