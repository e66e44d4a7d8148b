import { describe, expect, it } from 'vitest'
import { ChargerSchema, type Charger } from '@shared/plugchoice-schemas'
import { withFacts } from '@shared/charger-facts'
import { changesSince, factsByUuid } from '@renderer/lib/changed-since'

const make = (uuid: string, fields: Partial<Charger> = {}) =>
  withFacts([
    ChargerSchema.parse({ uuid, identity: uuid, connection_status: 'online', status: 'Available', ...fields }),
  ])[0]!

describe('chargers changed since the user last looked', () => {
  const seen = factsByUuid([make('a'), make('b'), make('c', { status: 'Charging' })])

  it('marks a charger whose health changed, with the health the user last saw', () => {
    const now = [make('a', { connection_status: 'offline' }), make('b'), make('c', { status: 'Charging' })]
    expect([...changesSince(seen, now)]).toEqual([['a', { was: 'ok' }]])
  })

  it('does not mark a car starting another session, nor a charger the user has not seen', () => {
    const now = [make('a'), make('b'), make('c', { status: 'SuspendedEV' }), make('new', { status: 'Faulted' })]
    expect(changesSince(seen, now).size).toBe(0)
  })

  it('marks nothing before the user has looked at a fleet', () => {
    expect(changesSince(null, [make('a', { connection_status: 'offline' })]).size).toBe(0)
  })
})
