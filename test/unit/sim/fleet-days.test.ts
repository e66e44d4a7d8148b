import { afterEach, describe, expect, it } from 'vitest'
import { DAY_MS, fastClock, generateFleet, runFleetDays } from '@main/sim/index'
import { seedDemoHistory } from '@main/history/demo-history'
import type { Charger } from '@shared/plugchoice-schemas'
import { harness, HOUR, T0, type Harness } from '../history/history-fixtures'

let h: Harness | undefined
afterEach(() => h?.cleanup())

describe('the simulator on simulated time', () => {
  it('runs a fast clock: a day in ten real seconds, and skips like a laptop waking up', () => {
    let real = 1_000
    const clock = fastClock(DAY_MS / 10_000, T0, () => real)
    real += 5_000
    expect(clock.now()).toBe(T0 + DAY_MS / 2)
    clock.skip(HOUR)
    expect(clock.now()).toBe(T0 + DAY_MS / 2 + HOUR)
    expect(() => fastClock(0)).toThrow(/speed/)
  })

  it('polls a changing fleet at the cadence asked, at the rate of change asked, and not while unwatched', () => {
    const fleet = generateFleet(200, 3, T0)
    const polls: number[] = []
    let last: readonly Charger[] = fleet
    let changed = 0
    runFleetDays({
      fleet,
      seed: 1,
      from: T0,
      until: T0 + DAY_MS,
      pollEveryMs: 15 * 60_000,
      changesPerChargerDay: 2,
      unwatched: [{ start: T0 + 2 * HOUR, end: T0 + 4 * HOUR }],
      onSync(at, current) {
        polls.push(at)
        changed += current.filter((c, i) => c !== last[i]).length
        last = current
      },
    })
    expect(polls).toHaveLength(96 - 8)
    expect(polls.some((at) => at >= T0 + 2 * HOUR && at < T0 + 4 * HOUR)).toBe(false)
    // 400 moves a day; those in the unwatched hours reach the next poll together, some on one charger.
    expect(changed).toBeGreaterThan(300)
    expect(changed).toBeLessThanOrEqual(400)
  })

  it('gives the demo a week of history with its nights not watched', () => {
    h = harness()
    const now = T0 + 7 * DAY_MS
    h.clock.now = now
    const fleet = seedDemoHistory({ history: h.history, fleet: generateFleet(60, 2026, T0), now })
    expect(fleet).toHaveLength(60)
    const activity = h.history.activity({})
    expect(activity.total).toBeGreaterThan(100)
    const strip = h.history.chargerHistory(fleet![0]!.uuid)!.strip
    expect(strip.filter((s) => s.state === 'not_watched').length).toBeGreaterThanOrEqual(6)
    // Seeding twice would double the week: the second call leaves the history alone.
    expect(seedDemoHistory({ history: h.history, fleet: generateFleet(60, 2026, T0), now })).toBeNull()
    expect(h.history.activity({}).total).toBe(activity.total)
  })
})
