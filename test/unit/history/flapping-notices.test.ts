import { withFacts } from '@shared/charger-facts'
import { afterEach, describe, expect, it } from 'vitest'
import { FlappingNotices } from '@main/history/flapping-notices'
import { DEFAULT_SETTINGS } from '@shared/app-schemas'
import { fleetTransitions } from '@shared/fleet-health'
import { backSince, harness, HOUR, MIN, offlineSince, online, T0, type Harness } from './history-fixtures'

let h: Harness
afterEach(() => h?.cleanup())

describe('flapping notifications', () => {
  it('tell once about a charger that went offline N times within the window, and hold back its drops', () => {
    h = harness()
    const notices = new FlappingNotices()
    const settings = DEFAULT_SETTINGS
    const window = settings.flappingWindowMin * MIN
    let a = online('a')
    const b = online('b')
    h.sync([a, b], T0)
    const shown: string[] = []
    let held = 0
    for (let i = 1; i <= 10; i++) {
      const at = T0 + i * 3 * MIN
      const before = [a, b]
      a = i % 2 ? offlineSince(a, at) : backSince(a, at)
      h.sync([a, b], at)
      const { specs, hold } = notices.update(h.history.flapping(window, settings.flappingCount), settings)
      shown.push(...specs.map((s) => `${s.title}: ${s.body}`))
      const transitions = fleetTransitions(withFacts(before), withFacts([a, b]))
      held += transitions.length - FlappingNotices.withoutHeld(transitions, hold).length
    }
    expect(shown).toEqual(['A is flapping: It went offline 3 times in the last 60 min.'])
    // From the third drop on, its own offline/back notifications are held: 10 transitions, 6 held.
    expect(held).toBe(6)
    // Once calm for the window, a new bout is news again.
    h.clock.now = T0 + 3 * HOUR
    expect(notices.update(h.history.flapping(window, 3), settings).specs).toEqual([])
  })

  it('make one digest that names the first chargers and the count', () => {
    const notices = new FlappingNotices()
    const flapping = ['a', 'b', 'c', 'd', 'e'].map((uuid) => ({ uuid, label: uuid.toUpperCase(), wentOffline: 4 }))
    const { specs } = notices.update(flapping, { ...DEFAULT_SETTINGS, mutedChargers: ['e'] })
    expect(specs).toEqual([
      {
        title: '4 chargers are flapping',
        body: 'A, B, C and 1 more went offline 3 times or more in the last 60 min.',
        chargerUuid: null,
        silent: false,
      },
    ])
  })
})
