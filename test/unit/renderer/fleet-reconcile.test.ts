import { describe, expect, it } from 'vitest'
import { ChargerSchema, type Charger } from '@shared/plugchoice-schemas'
import { withFacts, type FleetCharger } from '@shared/charger-facts'
import { applyDelta } from '@renderer/lib/fleet-reconcile'

const charger = (uuid: string, fields: Partial<Charger> = {}): FleetCharger =>
  withFacts([
    ChargerSchema.parse({
      uuid,
      identity: uuid.toUpperCase(),
      connection_status: 'online',
      status: 'Available',
      ...fields,
    }),
  ])[0]!

const fleet = Array.from({ length: 100 }, (_, i) => charger(`c${i}`))

describe('applying a fleet delta', () => {
  it('replaces only the changed chargers; every other one keeps its identity and place', () => {
    const changed = [3, 17, 42, 50, 51, 60, 70, 80, 90, 99].map((i) =>
      charger(`c${i}`, { connection_status: 'offline' }),
    )
    const outcome = applyDelta(fleet, 7, { fromRevision: 7, toRevision: 8, upserted: changed, removed: [] })
    if (outcome.kind !== 'applied') throw new Error(outcome.kind)
    expect(outcome.revision).toBe(8)
    expect(outcome.chargers).toHaveLength(100)
    const changedIds = new Set(changed.map((c) => c.uuid))
    outcome.chargers.forEach((c, i) => {
      expect(c.uuid).toBe(`c${i}`)
      if (changedIds.has(c.uuid)) expect(c.connection_status).toBe('offline')
      else expect(c).toBe(fleet[i])
    })
    expect(outcome.chargers.filter((c, i) => c !== fleet[i])).toHaveLength(10)
  })

  it('removes and appends chargers', () => {
    const outcome = applyDelta(fleet.slice(0, 3), 1, {
      fromRevision: 1,
      toRevision: 2,
      upserted: [charger('new')],
      removed: ['c1'],
    })
    if (outcome.kind !== 'applied') throw new Error(outcome.kind)
    expect(outcome.chargers.map((c) => c.uuid)).toEqual(['c0', 'c2', 'new'])
  })

  it('asks for a snapshot when the delta does not start at the revision held', () => {
    expect(applyDelta(fleet, 7, { fromRevision: 8, toRevision: 9, upserted: [], removed: [] }).kind).toBe(
      'out-of-order',
    )
    expect(applyDelta(fleet, 7, { fromRevision: 2, toRevision: 3, upserted: [], removed: [] }).kind).toBe(
      'out-of-order',
    )
  })

  it('ignores a delta leading to the revision already held (the snapshot included it)', () => {
    expect(
      applyDelta(fleet, 8, {
        fromRevision: 7,
        toRevision: 8,
        upserted: [charger('c1', { status: 'Faulted' })],
        removed: [],
      }).kind,
    ).toBe('ignored')
  })

  it('does not modify the list it was given', () => {
    const list = fleet.slice(0, 2)
    applyDelta(list, 0, {
      fromRevision: 0,
      toRevision: 1,
      upserted: [charger('c0', { status: 'Charging' })],
      removed: ['c1'],
    })
    expect(list).toEqual(fleet.slice(0, 2))
  })
})
