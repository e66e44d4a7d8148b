import { describe, expect, it } from 'vitest'
import { RemovalGrace } from '@main/core/removal-grace'
import { ChargerSchema } from '@shared/plugchoice-schemas'

const charger = (uuid: string, status = 'Available') =>
  ChargerSchema.parse({ uuid, identity: uuid.toUpperCase(), connection_status: 'online', status })
const uuids = (list: { uuid: string }[]) => list.map((c) => c.uuid)

describe('RemovalGrace', () => {
  it('keeps a charger missing from one sync, marked, and removes it when a second sync confirms', () => {
    const grace = new RemovalGrace()
    const before = [charger('a'), charger('b'), charger('c')]
    const first = grace.apply(before, [charger('a'), charger('c')])
    expect(uuids(first.chargers)).toEqual(['a', 'c', 'b'])
    expect(first.notSeen).toEqual(['b'])
    expect(first.removed).toEqual([])
    expect(grace.notSeen()).toEqual(['b'])

    const second = grace.apply(first.chargers, [charger('a'), charger('c')])
    expect(uuids(second.chargers)).toEqual(['a', 'c'])
    expect(second.notSeen).toEqual([])
    expect(second.removed).toEqual(['b'])
  })

  it('a charger hidden by a page shift for one walk comes back unmarked, never removed', () => {
    const grace = new RemovalGrace()
    const fleet = [charger('a'), charger('b'), charger('c')]
    const shifted = grace.apply(fleet, [charger('a'), charger('c')])
    const back = grace.apply(shifted.chargers, [charger('a'), charger('b', 'Charging'), charger('c')])
    expect(uuids(back.chargers)).toEqual(['a', 'b', 'c'])
    expect(back.chargers[1]!.status).toBe('Charging')
    expect(back.notSeen).toEqual([])
    expect(back.removed).toEqual([])
  })

  it('keeps the last seen data of a kept charger and starts over after reset', () => {
    const grace = new RemovalGrace()
    const kept = grace.apply([charger('a', 'Faulted')], [])
    expect(kept.chargers[0]!.status).toBe('Faulted')
    grace.reset()
    expect(grace.notSeen()).toEqual([])
    expect(grace.apply(kept.chargers, []).removed).toEqual([])
  })
})
