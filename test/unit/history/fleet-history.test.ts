import { afterEach, describe, expect, it } from 'vitest'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { historyPath } from '@main/history/history-db'
import { ACCOUNT, backSince, DAY, harness, HOUR, MIN, offlineSince, online, T0, type Harness } from './history-fixtures'

let h: Harness
afterEach(() => h?.cleanup())

const kinds = (harnessed: Harness) =>
  harnessed.history
    .activity({})
    .events.map((e) => `${e.label} ${e.kind}`)
    .reverse()

describe('recording syncs', () => {
  it('takes the first fleet as the baseline, then records what changed, with the API moment', () => {
    h = harness()
    const a = online('a')
    const b = online('b')
    h.sync([a, b], T0)
    expect(h.history.activity({}).total).toBe(0)

    const wentAt = T0 + 90_000
    h.sync([offlineSince(a, wentAt), b], T0 + 2 * MIN)
    h.sync([backSince(offlineSince(a, wentAt), T0 + 4 * MIN), b, online('c')], T0 + 5 * MIN)
    h.sync([backSince(offlineSince(a, wentAt), T0 + 4 * MIN), online('c')], T0 + 6 * MIN)

    expect(kinds(h)).toEqual(['A went_offline', 'A came_back', 'C added', 'B removed'])
    const [, , , wentOffline] = h.history.activity({}).events
    expect(wentOffline?.at).toBe(new Date(wentAt).toISOString())
    expect(wentOffline?.observedAt).toBe(new Date(T0 + 2 * MIN).toISOString())
    expect(wentOffline?.statusBefore).toBe('Available')
  })

  it('writes no event when nothing changed, and none twice across a restart', () => {
    h = harness()
    const a = online('a')
    h.watch([a], T0, T0 + 10 * MIN)
    expect(h.history.activity({}).total).toBe(0)
    const down = offlineSince(a, T0 + 11 * MIN)
    h.sync([down], T0 + 11 * MIN)
    h.reopen()
    // After a restart the app's first sync diffs against the cached fleet, which may be older than the history.
    h.history.recordSync({ at: T0 + 12 * MIN, outcome: { ok: true, requests: 1 }, before: [a], after: [down] })
    h.sync([down], T0 + 13 * MIN)
    expect(kinds(h)).toEqual(['A went_offline'])
  })

  it('records a drop between two polls from the API timestamps alone', () => {
    h = harness()
    const a = online('a')
    h.sync([a], T0)
    const blip = backSince(offlineSince(a, T0 + 20_000), T0 + 40_000)
    h.sync([blip], T0 + MIN)
    const events = h.history.activity({}).events.reverse()
    expect(events.map((e) => [e.kind, e.at])).toEqual([
      ['went_offline', new Date(T0 + 20_000).toISOString()],
      ['came_back', new Date(T0 + 40_000).toISOString()],
    ])
  })

  it('records a failed sync without touching the chargers', () => {
    h = harness()
    h.sync([online('a')], T0)
    h.history.recordSync({ at: T0 + MIN, outcome: { ok: false, code: 'server-error', requests: 3 } })
    expect(h.history.activity({}).total).toBe(0)
    expect(h.history.fleetSeries('24h').counts.ok.filter((n) => n !== null)).toEqual([1])
  })

  it('charts syncs that fall between slot boundaries (as real ones do)', () => {
    h = harness()
    h.sync([online('a'), online('b')], T0 + 7_321)
    h.sync([online('a')], T0 + 6 * MIN + 13_000)
    const counted = h.history.fleetSeries('24h').counts.ok.filter((n) => n !== null)
    expect(counted).toEqual([2, 1])
  })
})

describe('uptime and the strip', () => {
  it('counts unwatched time as neither up nor down, and uses the API moment across the gap', () => {
    h = harness()
    const a = online('a')
    h.watch([a], T0, T0 + HOUR)
    // The laptop sleeps from 09:00; the charger drops at 10:00; the app looks again at 15:00.
    const down = offlineSince(a, T0 + 2 * HOUR)
    h.watch([down], T0 + 7 * HOUR, T0 + 8 * HOUR)
    const history = h.history.chargerHistory('a')!
    const day = history.uptime.day
    expect(day.knownMs).toBe(7 * HOUR)
    expect(day.upMs).toBe(HOUR)
    expect(day.ratio).toBeCloseTo(1 / 7, 6)
    expect(day.longestOutageMs).toBe(6 * HOUR)
    const tail = history.strip.slice(-3).map((s) => [s.state, s.start, s.end])
    expect(tail).toEqual([
      ['ok', new Date(T0).toISOString(), new Date(T0 + HOUR).toISOString()],
      ['not_watched', new Date(T0 + HOUR).toISOString(), new Date(T0 + 2 * HOUR).toISOString()],
      ['offline', new Date(T0 + 2 * HOUR).toISOString(), new Date(T0 + 8 * HOUR).toISOString()],
    ])
    // Before the first sync the history knew nothing: not watched (neither up nor known to be absent).
    expect(history.strip[0]?.state).toBe('not_watched')
  })

  it('gives every charger its uptime over a period, in one pass', () => {
    h = harness()
    const a = online('a')
    const b = online('b')
    h.watch([a, b], T0, T0 + HOUR)
    h.watch([offlineSince(a, T0 + HOUR + MIN), b], T0 + HOUR + MIN, T0 + 2 * HOUR)
    const all = new Map(h.history.uptimeAll(T0, T0 + 2 * HOUR).map((u) => [u.uuid, u]))
    expect(all.get('a')).toMatchObject({ upSec: 3660, knownSec: 7200, longestOutageSec: 3540 })
    expect(all.get('b')).toMatchObject({ upSec: 7200, knownSec: 7200, longestOutageSec: 0 })
  })
})

describe('activity, since you last looked, flapping', () => {
  it('filters by kind and period, pages newest first and counts the total', () => {
    h = harness()
    let a = online('a')
    h.sync([a], T0)
    for (let i = 1; i <= 6; i++) {
      const at = T0 + i * 10 * MIN
      a = i % 2 ? offlineSince(a, at) : backSince(a, at)
      h.sync([a], at)
    }
    const offline = h.history.activity({ kinds: ['went_offline'], limit: 2 })
    expect(offline.total).toBe(3)
    expect(offline.events.map((e) => e.observedAt)).toEqual([
      new Date(T0 + 50 * MIN).toISOString(),
      new Date(T0 + 30 * MIN).toISOString(),
    ])
    const next = h.history.activity({ kinds: ['went_offline'], beforeId: offline.events[1]!.id })
    expect(next.events.map((e) => e.observedAt)).toEqual([new Date(T0 + 10 * MIN).toISOString()])
    const late = h.history.activity({ since: new Date(T0 + 35 * MIN).toISOString() })
    expect(late.total).toBe(3)
  })

  it('counts only what happened since the user last looked', () => {
    h = harness()
    const a = online('a')
    const b = online('b')
    h.sync([a, b], T0)
    h.sync([offlineSince(a, T0 + MIN), b], T0 + MIN)
    h.history.markSeen()
    h.sync([backSince(offlineSince(a, T0 + MIN), T0 + 2 * MIN), offlineSince(b, T0 + 2 * MIN)], T0 + 2 * MIN)
    h.reopen()
    const since = h.history.sinceLastLooked()
    expect(since.total).toBe(2)
    expect(since.counts).toMatchObject({ came_back: 1, went_offline: 1 })
    expect(since.lookedAt).toBe(new Date(T0 + MIN).toISOString())
    expect(since.firstLabels.sort()).toEqual(['A', 'B'])
  })

  it('names a charger that went offline N times within the window as flapping', () => {
    h = harness()
    let a = online('a')
    const steady = online('b')
    h.sync([a, steady], T0)
    for (let i = 1; i <= 8; i++) {
      const at = T0 + i * 5 * MIN
      a = i % 2 ? offlineSince(a, at) : backSince(a, at)
      h.sync([a, steady], at)
    }
    expect(h.history.flapping(HOUR, 3)).toEqual([{ uuid: 'a', label: 'A', wentOffline: 4 }])
    expect(h.history.flapping(HOUR, 5)).toEqual([])
    h.clock.now = T0 + 3 * HOUR
    expect(h.history.flapping(HOUR, 3)).toEqual([])
  })
})

describe('retention and the account', () => {
  it('prunes events, syncs and spans older than the retention once a day', () => {
    h = harness(2)
    let a = online('a')
    h.sync([a], T0)
    a = offlineSince(a, T0 + MIN)
    h.sync([a], T0 + MIN)
    a = backSince(a, T0 + 3 * DAY)
    h.sync([a], T0 + 3 * DAY)
    const left = h.history.activity({})
    expect(left.events.map((e) => e.kind)).toEqual(['came_back'])
    expect(h.history.uptimeAll(T0 - DAY, T0 + 3 * DAY).find((u) => u.uuid === 'a')?.knownSec).toBe(0)
  })

  it('deletes the account history on sign-out', () => {
    h = harness()
    h.sync([online('a')], T0)
    const path = historyPath(h.dir, ACCOUNT)
    expect(existsSync(path)).toBe(true)
    h.history.deleteAccount(ACCOUNT)
    expect(readdirSync(join(h.dir, 'history'))).toEqual([])
    expect(h.history.status().open).toBe(false)
  })
})
