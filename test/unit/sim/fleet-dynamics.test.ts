import { describe, expect, it } from 'vitest'
import { countBuckets, fleetTransitions } from '@shared/fleet-health'
import { withFacts } from '@shared/charger-facts'
import { ChargerSchema } from '@shared/plugchoice-schemas'
import { evolveFleet } from '@main/sim/fleet-dynamics'
import { generateFleet } from '@main/sim/fleet-generator'
import { SeededRandom } from '@main/sim/seeded-random'

const NOW = Date.UTC(2026, 0, 15, 12)

describe('evolveFleet', () => {
  it('moves exactly the asked number of chargers, leaving the input untouched', () => {
    const fleet = generateFleet(500, 3, NOW)
    const copy = structuredClone(fleet)
    const next = evolveFleet(fleet, new SeededRandom(1), 10, NOW + 60_000)
    expect(fleet).toEqual(copy)
    const changed = next.filter((charger, index) => charger !== fleet[index])
    expect(changed).toHaveLength(10)
    for (const charger of changed) {
      expect(ChargerSchema.safeParse(charger).success).toBe(true)
      expect(charger.updated_at).toBe('2026-01-15T12:01:00.000000Z')
    }
  })

  it('produces the transitions a user is notified about, over a few ticks', () => {
    let fleet = generateFleet(500, 3, NOW)
    const random = new SeededRandom(9)
    const kinds = new Set<string>()
    for (let tick = 1; tick <= 20; tick++) {
      const next = evolveFleet(fleet, random, 10, NOW + tick * 60_000)
      for (const transition of fleetTransitions(withFacts(fleet), withFacts(next))) kinds.add(transition.kind)
      fleet = next
    }
    expect([...kinds]).toEqual(expect.arrayContaining(['went_offline', 'came_back', 'new_fault', 'fault_cleared']))
  })

  it('keeps who a charger is and stamps the time it went offline', () => {
    const fleet = generateFleet(300, 5, NOW)
    const next = evolveFleet(fleet, new SeededRandom(2), 300, NOW + 5_000)
    const wentOffline = next.filter(
      (c, i) => c.connection_status === 'offline' && fleet[i]?.connection_status !== 'offline',
    )
    expect(wentOffline.length).toBeGreaterThan(0)
    for (const charger of wentOffline) expect(charger.last_disconnection_at).toBe('2026-01-15T12:00:05.000000Z')
    next.forEach((charger, index) => {
      const before = fleet[index]!
      expect(charger.uuid).toBe(before.uuid)
      expect(charger.identity).toBe(before.identity)
      expect(charger.reference).toBe(before.reference)
      expect(charger.model).toEqual(before.model)
      expect(charger.site_hint).toBe(before.site_hint)
      if (before.connection_status === 'never_seen') expect(charger).toBe(before)
    })
  })

  it('keeps a long-running fleet mostly healthy instead of drifting into failure', () => {
    let fleet = generateFleet(1000, 11, NOW)
    const random = new SeededRandom(4)
    for (let tick = 0; tick < 200; tick++) fleet = evolveFleet(fleet, random, 20, NOW + tick * 1000)
    const counts = countBuckets(withFacts(fleet))
    expect((counts.ok + counts.in_use) / fleet.length).toBeGreaterThan(0.7)
    expect(counts.offline / fleet.length).toBeLessThan(0.1)
  })
})
