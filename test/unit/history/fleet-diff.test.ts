// The diff's positional hint (the last sync's order) only ever saves a lookup: a fleet listed in another
// order, with chargers added and removed, diffs exactly as it does without the hint.
import { describe, expect, it } from 'vitest'
import { bucketOf } from '@shared/fleet-health'
import type { Charger } from '@shared/plugchoice-schemas'
import { diffFleet, stateOf, type ChargerState } from '@main/history/fleet-diff'
import { T0, offlineSince, online } from './history-fixtures'

const at = Math.floor(T0 / 1000)

function recorded(fleet: readonly Charger[]): Map<string, ChargerState> {
  return new Map(fleet.map((c) => [c.uuid, stateOf(c, bucketOf(c), at - 3600)]))
}

describe('diffFleet with the last order as a hint', () => {
  it('matches each charger by uuid whatever order the hint is in', () => {
    const fleet = ['a', 'b', 'c', 'd'].map((uuid) => online(uuid))
    const prior = recorded(fleet)
    const first = diffFleet(prior, fleet, at, at - 60)
    expect(first.order).toEqual(fleet.map((c) => prior.get(c.uuid)))

    // Listed backwards, `b` gone offline, `c` removed and `e` new: every position of the hint is wrong.
    const next = [online('e'), fleet[3]!, offlineSince(fleet[1]!, T0 + 30_000), fleet[0]!]
    const hinted = diffFleet(prior, next, at + 60, at, first.order)
    const plain = diffFleet(prior, next, at + 60, at)
    expect(hinted.events).toEqual(plain.events)
    expect(hinted.events.map((e) => [e.uuid, e.kind])).toEqual([
      ['e', 'added'],
      ['b', 'went_offline'],
      ['c', 'removed'],
    ])
    expect(hinted.order).toEqual([undefined, prior.get('d'), prior.get('b'), prior.get('a')])
  })
})
