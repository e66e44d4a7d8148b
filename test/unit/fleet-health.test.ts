import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { BUCKETS, bucketOf, chargerLabel, countBuckets, fleetTransitions } from '@shared/fleet-health'
import { withFacts } from '@shared/charger-facts'
import { ChargerSchema, type Charger } from '@shared/plugchoice-schemas'

const charger = (fields: Partial<Charger> = {}): Charger =>
  ChargerSchema.parse({
    uuid: 'c-1',
    identity: 'EVB-1',
    connection_status: 'online',
    status: 'Available',
    error: 'NoError',
    ...fields,
  })

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined })
const anyText = fc.oneof(
  fc.constant(null),
  fc.string(),
  fc.constantFrom(
    'Available',
    'Faulted',
    'Unavailable',
    'Charging',
    'Occupied',
    'NoError',
    'EVCommunicationError',
    'GroundFailure',
    'online',
    'offline',
    'never_seen',
  ),
)
const anyCharger: fc.Arbitrary<Charger> = fc
  .record({
    uuid: fc.uuid(),
    identity: maybe(anyText),
    reference: maybe(anyText),
    connection_status: maybe(anyText),
    status: maybe(anyText),
    error: maybe(anyText),
    blocked: maybe(fc.oneof(fc.boolean(), fc.constant(null))),
    setup_pending: maybe(fc.oneof(fc.boolean(), fc.constant(null))),
    setup_completed: maybe(fc.oneof(fc.boolean(), fc.constant(null))),
  })
  .map((record) => ChargerSchema.parse(record))

describe('fleet health model', () => {
  it('puts every possible charger in exactly one known bucket', () => {
    fc.assert(
      fc.property(anyCharger, (c) => {
        expect(BUCKETS).toContain(bucketOf(c))
      }),
    )
  })

  it('counts add up to the fleet size whatever the fleet', () => {
    fc.assert(
      fc.property(fc.array(anyCharger, { maxLength: 60 }), (fleet) => {
        const counts = countBuckets(withFacts(fleet))
        expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(fleet.length)
      }),
    )
  })

  it.each([
    [{ connection_status: 'offline', status: 'Charging' }, 'offline'],
    [{ connection_status: 'never_seen', status: null, error: null }, 'never_connected'],
    [{ status: 'Faulted', error: 'GroundFailure' }, 'fault'],
    [{ status: 'Available', error: 'OtherError' }, 'fault'],
    [{ status: 'Available', error: 'Error' }, 'fault'],
    [{ status: 'Available', error: 'EVCommunicationError' }, 'attention'],
    [{ status: 'Unavailable' }, 'attention'],
    [{ blocked: true }, 'attention'],
    [{ setup_pending: true }, 'attention'],
    [{ setup_completed: false }, 'attention'],
    [{ status: 'Charging' }, 'in_use'],
    [{ status: 'Occupied' }, 'in_use'],
    [{ status: 'SuspendedEVSE' }, 'in_use'],
    [{ status: 'Available' }, 'ok'],
    [{ status: 'Available', error: null }, 'ok'],
    [{ status: 'Rebooting' }, 'unknown'],
    [{ connection_status: 'sleeping', status: 'Available' }, 'unknown'],
    [{ status: null }, 'unknown'],
  ] as const)('%o is %s', (fields, bucket) => {
    expect(bucketOf(charger(fields as Partial<Charger>))).toBe(bucket)
  })

  it('names a charger by reference and identity', () => {
    expect(chargerLabel(charger({ reference: 'Depot bay 3' }))).toBe('Depot bay 3 (EVB-1)')
    expect(chargerLabel(charger({ reference: null }))).toBe('EVB-1')
    expect(chargerLabel(charger({ identity: null, reference: null }))).toBe('c-1')
  })

  it('reports each transition once, by uuid', () => {
    const before = [
      charger({ uuid: 'a' }),
      charger({ uuid: 'b' }),
      charger({ uuid: 'c', connection_status: 'offline' }),
      charger({ uuid: 'd', status: 'Faulted', error: 'GroundFailure' }),
      charger({ uuid: 'e' }),
      charger({ uuid: 'gone' }),
    ]
    const after = [
      charger({ uuid: 'a', connection_status: 'offline' }),
      charger({ uuid: 'b', status: 'Faulted', error: 'HighTemperature' }),
      charger({ uuid: 'c' }),
      charger({ uuid: 'd', status: 'Available', error: 'NoError' }),
      charger({ uuid: 'e', status: 'Charging' }),
      charger({ uuid: 'new' }),
    ]
    const kinds = Object.fromEntries(fleetTransitions(withFacts(before), withFacts(after)).map((t) => [t.uuid, t.kind]))
    expect(kinds).toEqual({
      a: 'went_offline',
      b: 'new_fault',
      c: 'came_back',
      d: 'fault_cleared',
      new: 'added',
      gone: 'removed',
    })
  })

  it('sees no transition between identical fleets', () => {
    fc.assert(
      fc.property(fc.uniqueArray(anyCharger, { selector: (c) => c.uuid, maxLength: 30 }), (fleet) => {
        expect(fleetTransitions(withFacts(fleet), withFacts(fleet))).toEqual([])
      }),
    )
  })
})
