import { describe, expect, it } from 'vitest'
import { ChargerSchema, type Charger } from '@shared/plugchoice-schemas'
import { withFacts, type FleetCharger } from '@shared/charger-facts'
import { countBuckets } from '@shared/fleet-health'
import {
  compareKeys,
  countByBucket,
  createIncrementalSearch,
  filterChargers,
  naturalKey,
  nextSort,
  searchTerms,
  sortChargers,
  type SortState,
} from '@renderer/lib/fleet-query'
import { exportColumnsFor, visibleColumns } from '@renderer/lib/columns'

let n = 0
const charger = (fields: Partial<Charger> = {}): FleetCharger =>
  withFacts([
    ChargerSchema.parse({
      uuid: `uuid-${++n}`,
      identity: `EVB-${n}`,
      connection_status: 'online',
      status: 'Available',
      error: 'NoError',
      ...fields,
    }),
  ])[0]!

const ids = (list: readonly FleetCharger[]) => list.map((c) => c.identity)

describe('filtering by health', () => {
  const fleet = [
    charger({ identity: 'off', connection_status: 'offline' }),
    charger({ identity: 'fault', status: 'Faulted', error: 'GroundFailure' }),
    charger({ identity: 'ok' }),
    charger({ identity: 'busy', status: 'Charging' }),
    charger({ identity: 'never', connection_status: 'never_seen', status: null }),
  ]

  it('shows everything when no bucket is chosen', () => {
    expect(filterChargers(fleet, { buckets: new Set(), query: '' })).toEqual(fleet)
  })

  it('shows one bucket', () => {
    expect(ids(filterChargers(fleet, { buckets: new Set(['fault']), query: '' }))).toEqual(['fault'])
  })

  it('combines buckets as "any of", keeping the list order', () => {
    expect(ids(filterChargers(fleet, { buckets: new Set(['in_use', 'offline']), query: '' }))).toEqual(['off', 'busy'])
  })

  it('combines buckets with a search', () => {
    expect(ids(filterChargers(fleet, { buckets: new Set(['in_use', 'offline']), query: 'BUS' }))).toEqual(['busy'])
  })

  it('counts agree with the shared health model', () => {
    expect(countByBucket(fleet)).toEqual(countBuckets(fleet))
  })
})

describe('search', () => {
  const fleet = [
    charger({ identity: 'SN-0001', reference: 'Car park level 2' }),
    charger({ identity: 'SN-0002', model: { vendor: 'Alfen', name: 'Eve Single', is_dc: false } }),
    charger({ identity: 'SN-0003', firmware_version: '6.4.0-3174' }),
    charger({ identity: 'SN-0004', error: 'OtherError', vendor_error_code: 'E-0x17', error_info: 'Relay welded' }),
    charger({ identity: 'SN-0005', reference: null, model: null }),
  ]
  const find = (query: string) => ids(filterChargers(fleet, { buckets: new Set(), query }))

  it.each([
    ['sn-0001', ['SN-0001']],
    ['level 2', ['SN-0001']],
    ['alfen', ['SN-0002']],
    ['eve single', ['SN-0002']],
    ['6.4.0', ['SN-0003']],
    ['relay WELDED', ['SN-0004']],
    ['e-0x17', ['SN-0004']],
    ['othererror', ['SN-0004']],
  ])('finds %s by the field it is in', (query, expected) => {
    expect(find(query)).toEqual(expected)
  })

  it('needs every word of the query, in any field', () => {
    expect(find('alfen 0002')).toEqual(['SN-0002'])
    expect(find('alfen 0001')).toEqual([])
  })

  it('does not match across two fields', () => {
    // identity "SN-0001" followed by reference "Car park…": a term spanning both must not match.
    expect(find('0001car')).toEqual([])
  })

  it('ignores surrounding and repeated spaces', () => {
    expect(searchTerms('  Alfen   eve ')).toEqual(['alfen', 'eve'])
    expect(find('   ')).toHaveLength(fleet.length)
  })

  it('does not match a short piece of a uuid (it would match half the fleet)', () => {
    expect(find('uuid-')).toEqual([])
  })
})

describe('search means what an installer types', () => {
  const fleet = [
    charger({ identity: 'gone', connection_status: 'offline', status: 'Charging' }),
    charger({ identity: 'broken', status: 'Faulted', error: 'GroundFailure' }),
    charger({ identity: 'ground', status: 'Available', error: 'GroundFailure' }),
    charger({ identity: 'off-duty', status: 'Unavailable' }),
    charger({ identity: 'busy', status: 'Charging' }),
    charger({ identity: 'fine', status: 'Available', error: 'NoError' }),
    charger({
      identity: 'ticket',
      uuid: '9f1c2b7e-4d3a-4c55-8e21-0a6b5d4c3e2f',
      id: 4711,
    }),
    charger({ identity: 'other', id: 47110 }),
  ]
  const find = (query: string) => ids(filterChargers(fleet, { buckets: new Set(), query }))

  it.each([
    ['offline', ['gone']],
    ['fault', ['broken', 'ground']],
    ['faulted', ['broken', 'ground']],
    ['unavailable', ['off-duty']],
    ['attention', ['off-duty']],
    ['charging', ['gone', 'busy']],
  ])('finds the health or status word %s', (query, expected) => {
    expect(find(query)).toEqual(expected)
  })

  it('finds a charger by its whole uuid or a long piece of it, in any case', () => {
    expect(find('9F1C2B7E-4D3A-4C55-8E21-0A6B5D4C3E2F')).toEqual(['ticket'])
    expect(find('8e21-0a6b')).toEqual(['ticket'])
  })

  it('finds a charger by its numeric id, whole', () => {
    expect(find('4711')).toEqual(['ticket'])
    expect(find('47110')).toEqual(['other'])
  })

  it('"error" does not match the chargers whose code is NoError', () => {
    expect(find('error')).toEqual([])
    expect(find('noerror')).toEqual([])
  })
})

describe('filter counts within the search', () => {
  it('count what each filter would show for the current query', () => {
    const fleet = [
      charger({ identity: 'depot-1', connection_status: 'offline' }),
      charger({ identity: 'depot-2' }),
      charger({ identity: 'street-1', connection_status: 'offline' }),
    ]
    const counts = countByBucket(filterChargers(fleet, { buckets: new Set(), query: 'depot' }))
    expect(counts.offline).toBe(1)
    expect(counts.ok).toBe(1)
  })
})

describe('sorting', () => {
  it('sorts text naturally and is stable for equal keys', () => {
    const fleet = [
      charger({ identity: 'b', reference: 'EVB-10' }),
      charger({ identity: 'a1', reference: 'EVB-2' }),
      charger({ identity: 'a2', reference: 'evb-2' }),
      charger({ identity: 'c', reference: 'EVB-1' }),
    ]
    expect(ids(sortChargers(fleet, { column: 'reference', direction: 'ascending' }))).toEqual(['c', 'a1', 'a2', 'b'])
    // Descending flips the order of different keys but keeps equal keys in their input order.
    expect(ids(sortChargers(fleet, { column: 'reference', direction: 'descending' }))).toEqual(['b', 'a1', 'a2', 'c'])
  })

  it('puts missing values last in both directions', () => {
    const fleet = [
      charger({ identity: 'none', max_current: null }),
      charger({ identity: 'sixteen', max_current: 16 }),
      charger({ identity: 'absent' }),
      charger({ identity: 'thirty-two', max_current: 32 }),
    ]
    const up: SortState = { column: 'max_current', direction: 'ascending' }
    expect(ids(sortChargers(fleet, up))).toEqual(['sixteen', 'thirty-two', 'none', 'absent'])
    expect(ids(sortChargers(fleet, nextSort(up, 'max_current')))).toEqual(['thirty-two', 'sixteen', 'none', 'absent'])
  })

  it('sorts by health worst first, then by one name, the identity (not the reference)', () => {
    const fleet = [
      charger({ identity: 'ok-b', reference: 'A' }),
      charger({ identity: 'off', connection_status: 'offline' }),
      charger({ identity: 'ok-a', reference: 'Z' }),
      charger({ identity: 'ok-c' }),
      charger({ identity: 'fault', status: 'Faulted' }),
    ]
    expect(ids(sortChargers(fleet, { column: 'health', direction: 'ascending' }))).toEqual([
      'off',
      'fault',
      'ok-a',
      'ok-b',
      'ok-c',
    ])
  })

  it('puts the most recently gone offline first, and unknown moments after known ones', () => {
    const fleet = [
      charger({ identity: 'weeks', connection_status: 'offline', last_disconnection_at: '2026-01-01T10:00:00Z' }),
      charger({ identity: 'unknown', connection_status: 'offline', last_disconnection_at: null }),
      charger({ identity: 'minute', connection_status: 'offline', last_disconnection_at: '2026-02-20T10:00:00Z' }),
      charger({ identity: 'day', connection_status: 'offline', last_disconnection_at: '2026-02-19T10:00:00Z' }),
    ]
    expect(ids(sortChargers(fleet, { column: 'health', direction: 'ascending' }))).toEqual([
      'minute',
      'day',
      'weeks',
      'unknown',
    ])
  })

  it('puts the newest fault first', () => {
    const fault = (identity: string, since: string): FleetCharger => {
      const c = charger({ identity, status: 'Faulted', error: 'GroundFailure' })
      return { ...c, facts: { ...c.facts, since } }
    }
    const fleet = [fault('old', '2026-01-01T00:00:00Z'), fault('new', '2026-02-01T00:00:00Z')]
    expect(ids(sortChargers(fleet, { column: 'health', direction: 'ascending' }))).toEqual(['new', 'old'])
  })

  it('sorts timestamps by time, not by text', () => {
    const fleet = [
      charger({ identity: 'late', last_heartbeat_at: '2026-01-10T10:00:00.000000Z' }),
      charger({ identity: 'early', last_heartbeat_at: '2026-01-09T23:00:00+01:00' }),
      charger({ identity: 'never', last_heartbeat_at: null }),
      charger({ identity: 'mid', last_heartbeat_at: '2026-01-10T09:00:00Z' }),
    ]
    expect(ids(sortChargers(fleet, { column: 'heartbeat', direction: 'descending' }))).toEqual([
      'late',
      'mid',
      'early',
      'never',
    ])
  })

  it('does not treat NoError as an error to sort by', () => {
    const fleet = [
      charger({ identity: 'fine', error: 'NoError' }),
      charger({ identity: 'ground', error: 'GroundFailure' }),
    ]
    expect(ids(sortChargers(fleet, { column: 'error', direction: 'descending' }))).toEqual(['ground', 'fine'])
  })

  it('leaves its input untouched', () => {
    const fleet = [charger({ identity: 'z' }), charger({ identity: 'a' })]
    sortChargers(fleet, { column: 'identity', direction: 'ascending' })
    expect(ids(fleet)).toEqual(['z', 'a'])
  })

  it('a new column starts ascending, the same column flips', () => {
    expect(nextSort({ column: 'health', direction: 'ascending' }, 'reference')).toEqual({
      column: 'reference',
      direction: 'ascending',
    })
    expect(nextSort({ column: 'reference', direction: 'ascending' }, 'reference').direction).toBe('descending')
  })
})

describe('columns', () => {
  it('never hides identity and ignores unknown names', () => {
    const shown = visibleColumns(['identity', 'firmware', 'no-such-column']).map((c) => c.id)
    expect(shown).toContain('identity')
    expect(shown).not.toContain('firmware')
    expect(shown).toHaveLength(9)
  })

  it('exports the visible columns in order, then the uuid', () => {
    const shown = visibleColumns(['connection', 'model', 'firmware', 'heartbeat', 'max_current', 'status'])
    expect(exportColumnsFor(shown)).toEqual([
      'health',
      'reason',
      'identity',
      'reference',
      'error',
      'vendor_error_code',
      'error_info',
      'uuid',
    ])
  })
})

describe('natural sort keys', () => {
  it('orders numbers inside text by value, ignoring case, accents and leading zeros', () => {
    const sorted = ['EVB-10', 'evb-2', 'Évb-1', 'EVB-002a', 'evb-2'].sort((a, b) => compareKeys(a, b, 'ascending'))
    expect(sorted).toEqual(['Évb-1', 'evb-2', 'evb-2', 'EVB-002a', 'EVB-10'])
    expect(naturalKey(naturalKey('Firmware 6.4.0'))).toBe(naturalKey('Firmware 6.4.0'))
  })
})

describe('the incremental search', () => {
  const fleet = Array.from({ length: 40 }, (_, i) =>
    charger({
      identity: `SN-${i}`,
      id: 1000 + i,
      reference: i % 3 ? 'Depot north' : 'Depot south',
      connection_status: i % 4 ? 'online' : 'offline',
    }),
  )

  it('gives the same answer as a fresh filter through a typed, edited and cleared query', () => {
    const filter = createIncrementalSearch()
    const queries = [
      'd',
      'de',
      'dep',
      'depot',
      'depot ',
      'depot s',
      'depot so',
      'depot s',
      'depot n',
      'sn-1',
      'sn-12',
      '',
      'north sn-3',
      '1',
      '10',
      '100',
      '1001',
      'uuid',
      'uuid-1',
      'uuid-10',
    ]
    for (const query of queries) {
      expect(ids(filter(fleet, query))).toEqual(ids(filterChargers(fleet, { buckets: new Set(), query })))
    }
  })

  it('starts over when the fleet changes under the same query', () => {
    const filter = createIncrementalSearch()
    expect(filter(fleet, 'south')).toHaveLength(14)
    const grown = [...fleet, charger({ identity: 'new', reference: 'Depot south' })]
    expect(filter(grown, 'south')).toHaveLength(15)
  })
})
