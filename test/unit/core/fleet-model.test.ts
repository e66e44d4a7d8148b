import { describe, expect, it } from 'vitest'
import { FleetModel } from '@main/core/fleet-model'
import { ChargerSchema, type Charger } from '@shared/plugchoice-schemas'

const charger = (uuid: string, fields: Partial<Charger> = {}) =>
  ChargerSchema.parse({
    uuid,
    identity: uuid.toUpperCase(),
    connection_status: 'online',
    status: 'Available',
    ...fields,
  })
const live = { source: 'live' as const, accountUuid: 'acc', fetchedAt: '2026-11-24T10:00:00Z' }

describe('FleetModel', () => {
  it('sends only the chargers that changed, with the removed uuids', () => {
    const model = new FleetModel()
    const first = model.replace([charger('a'), charger('b'), charger('c')], live)
    expect(first).toMatchObject({ fromRevision: 0, toRevision: 1, removed: [] })
    expect(first?.upserted.map((c) => c.uuid)).toEqual(['a', 'b', 'c'])

    const second = model.replace([charger('a'), charger('b', { status: 'Charging' }), charger('d')], live)
    expect(second).toMatchObject({ fromRevision: 1, toRevision: 2, removed: ['c'] })
    expect(second?.upserted.map((c) => c.uuid)).toEqual(['b', 'd'])
    expect(model.get('b')?.status).toBe('Charging')
    expect(model.list().map((c) => c.uuid)).toEqual(['a', 'b', 'd'])
  })

  it('keeps the revision when a sync changed nothing', () => {
    const model = new FleetModel()
    model.replace([charger('a')], live)
    expect(model.replace([charger('a')], { ...live, fetchedAt: '2026-11-24T10:01:00Z' })).toBeNull()
    expect(model.revision).toBe(1)
    expect(model.origin.fetchedAt).toBe('2026-11-24T10:01:00Z')
  })

  it('clears to an empty fleet of nobody', () => {
    const model = new FleetModel()
    model.replace([charger('a')], live)
    expect(model.clear()?.removed).toEqual(['a'])
    expect(model.origin).toEqual({ source: 'none', accountUuid: null, fetchedAt: null })
  })
})
