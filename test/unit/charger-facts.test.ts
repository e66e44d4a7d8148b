import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  ChargerFactsSchema,
  deriveChargerFacts,
  deriveFleetFacts,
  type ChargerFacts,
  type FactsContext,
} from '@shared/charger-facts'
import { ConnectorSchema, type Connector } from '@shared/charger-detail-schemas'
import { BUCKET_LABELS, bucketOf, countBuckets } from '@shared/fleet-health'
import { createFormat } from '@shared/format'
import { ChargerSchema, type Charger } from '@shared/plugchoice-schemas'
import { generateFleet } from '@main/sim/fleet-generator'

const NOW = Date.parse('2026-03-10T14:30:00Z')
const MIN = 60_000
const context: FactsContext = { now: NOW, format: createFormat({ locale: 'en-GB', timeZone: 'UTC' }) }

const charger = (fields: Partial<Charger> = {}): Charger =>
  ChargerSchema.parse({
    uuid: 'c-1',
    identity: 'EVB-1',
    connection_status: 'online',
    status: 'Available',
    error: 'NoError',
    setup_pending: false,
    setup_completed: true,
    blocked: false,
    ...fields,
  })
const facts = (fields: Partial<Charger>, previous: ChargerFacts | null = null) =>
  deriveChargerFacts(charger(fields), previous, context)

describe('the reason a charger is in its bucket', () => {
  it.each<[string, Partial<Charger>, ChargerFacts['bucket'], string | null]>([
    ['setup pending', { setup_pending: true }, 'attention', 'Setup not completed'],
    ['setup not completed', { setup_completed: false }, 'attention', 'Setup not completed'],
    ['blocked', { blocked: true }, 'attention', 'Blocked'],
    ['unavailable', { status: 'Unavailable' }, 'attention', 'Unavailable'],
    ['EV communication trouble', { error: 'EVCommunicationError' }, 'attention', 'EV communication error'],
    [
      'several causes, most fundamental first',
      { setup_completed: false, blocked: true, status: 'Unavailable' },
      'attention',
      'Setup not completed · Blocked · Unavailable',
    ],
    [
      'a fault with a vendor code',
      { status: 'Faulted', error: 'GroundFailure', vendor_error_code: '210' },
      'fault',
      'GroundFailure · vendor code 210',
    ],
    ['a fault without one', { status: 'Available', error: 'HighTemperature' }, 'fault', 'HighTemperature'],
    ['a Faulted status with no error code', { status: 'Faulted', error: 'NoError' }, 'fault', 'Faulted'],
    ['a non-standard error, as received', { error: 'Error' }, 'fault', 'Error'],
    [
      'offline since a time today',
      { connection_status: 'offline', last_disconnection_at: '2026-03-10T14:05:00Z' },
      'offline',
      'Offline since 14:05',
    ],
    [
      'offline since another day',
      { connection_status: 'offline', last_disconnection_at: '2026-03-08T09:15:00Z' },
      'offline',
      'Offline since 8 Mar 09:15',
    ],
    [
      'offline since a time Plugchoice did not give',
      { connection_status: 'offline', last_disconnection_at: null },
      'offline',
      'Offline',
    ],
    [
      'never connected',
      { connection_status: 'never_seen', status: null, error: null },
      'never_connected',
      'Never connected',
    ],
    ['charging', { status: 'Charging' }, 'in_use', 'Charging'],
    ['an unknown status, as received', { status: 'Rebooting' }, 'unknown', 'Status "Rebooting"'],
    [
      'an unknown connection state, as received',
      { connection_status: 'half-open' },
      'unknown',
      'Connection "half-open"',
    ],
    ['no status at all', { status: null }, 'unknown', 'No status reported'],
    ['nothing to explain', {}, 'ok', null],
  ])('%s', (_, fields, bucket, reason) => {
    expect(facts(fields)).toMatchObject({ bucket, reason })
  })

  it('has the bucket of the health model and a reason for every bucket but OK, whatever the charger', () => {
    const fleet = generateFleet(400, 11)
    for (const [index, derived] of deriveFleetFacts(fleet, null, context).entries()) {
      const original = fleet[index]!
      expect(ChargerFactsSchema.parse(derived.facts)).toEqual(derived.facts)
      expect(derived.facts.bucket).toBe(bucketOf(original))
      if (derived.facts.bucket === 'ok') expect(derived.facts.reason).toBeNull()
      else expect(derived.facts.reason?.trim()).toBeTruthy()
      // The record itself travels unchanged beside its facts.
      expect({ ...derived, facts: undefined }).toEqual({ ...original, facts: undefined })
    }
  })

  it('never throws, whatever Plugchoice sends', () => {
    const text = fc.option(fc.oneof(fc.string(), fc.constantFrom('offline', 'never_seen', 'Faulted', 'NoError')))
    fc.assert(
      fc.property(
        fc.record({
          connection_status: text,
          status: text,
          error: text,
          vendor_error_code: text,
          last_disconnection_at: text,
        }),
        (fields) => {
          const derived = facts(fields)
          expect(Object.keys(BUCKET_LABELS)).toContain(derived.bucket)
        },
      ),
    )
  })
})

describe('since when', () => {
  it('is the disconnection time for an offline charger, and the creation time for one never seen', () => {
    expect(facts({ connection_status: 'offline', last_disconnection_at: '2026-03-10T14:05:00.000000Z' }).since).toBe(
      '2026-03-10T14:05:00.000Z',
    )
    expect(
      facts({ connection_status: 'never_seen', status: null, created_at: '2026-01-10T01:14:32.000000Z' }).since,
    ).toBe('2026-01-10T01:14:32.000Z')
  })

  it('is unknown the first time a charger is seen, starts when a change is seen, and keeps while nothing changes', () => {
    const first = facts({ blocked: true })
    expect(first.since).toBeNull()
    const later = { ...context, now: NOW + 10 * MIN }
    const unblocked = deriveChargerFacts(charger({ status: 'Charging' }), first, later)
    expect(unblocked).toEqual({ bucket: 'in_use', reason: 'Charging', since: new Date(NOW + 10 * MIN).toISOString() })
    const still = deriveChargerFacts(charger({ status: 'Charging' }), unblocked, { ...context, now: NOW + 20 * MIN })
    expect(still.since).toBe(unblocked.since)
    // Another reason in the same bucket is a change too.
    const suspended = deriveChargerFacts(charger({ status: 'SuspendedEV' }), still, { ...context, now: NOW + 30 * MIN })
    expect(suspended.since).toBe(new Date(NOW + 30 * MIN).toISOString())
  })

  it('remembers when an offline charger without a disconnection time was first seen offline', () => {
    const online = facts({})
    const gone = deriveChargerFacts(charger({ connection_status: 'offline' }), online, context)
    expect(gone).toEqual({ bucket: 'offline', reason: 'Offline since 14:30', since: new Date(NOW).toISOString() })
    const stillGone = deriveChargerFacts(charger({ connection_status: 'offline' }), gone, {
      ...context,
      now: NOW + MIN,
    })
    expect(stillGone.since).toBe(gone.since)
  })

  it('takes the previous facts a charger carries (from the offline cache) when there is no earlier sync', () => {
    const cached = {
      ...charger({ blocked: true }),
      facts: { bucket: 'attention', reason: 'Blocked', since: '2026-03-01T08:00:00.000Z' },
    }
    const [again] = deriveFleetFacts([cached], null, context)
    expect(again?.facts).toEqual({ bucket: 'attention', reason: 'Blocked', since: '2026-03-01T08:00:00.000Z' })
    // Carried facts that are not facts (an old or damaged cache) are ignored, not trusted.
    const [junk] = deriveFleetFacts([{ ...charger({ blocked: true }), facts: { bucket: 'nonsense' } }], null, context)
    expect(junk?.facts).toEqual({ bucket: 'attention', reason: 'Blocked', since: null })
  })
})

describe('connectors, once main has read them', () => {
  const socket = (connector_id: number, fields: Partial<Connector> = {}): Connector =>
    ConnectorSchema.parse({ connector_id, status: 'Available', error: 'NoError', ...fields })
  const faulted = socket(2, { status: 'Faulted', error: 'GroundFailure', vendor_error_code: 'RCD-02' })

  it('make an Available charger with a faulted socket 2 a fault, and the reason names the socket', () => {
    const read = deriveChargerFacts(charger(), null, context, [socket(1), faulted])
    expect(read).toMatchObject({ bucket: 'fault', reason: 'Connector 2: Faulted · GroundFailure · vendor code RCD-02' })
    // Without the connectors (before the detail is read) the same charger is OK.
    expect(deriveChargerFacts(charger(), null, context).bucket).toBe('ok')
  })

  it('change nothing when no socket is worse than the charger says, and never hide an offline charger', () => {
    expect(deriveChargerFacts(charger(), null, context, [socket(1), socket(2)])).toEqual(
      deriveChargerFacts(charger(), null, context),
    )
    const gone = charger({ connection_status: 'offline', last_disconnection_at: '2026-03-10T14:05:00Z' })
    expect(deriveChargerFacts(gone, null, context, [faulted])).toMatchObject({
      bucket: 'offline',
      reason: 'Offline since 14:05',
    })
    const charging = deriveChargerFacts(charger({ status: 'Charging' }), null, context, [
      socket(1, { status: 'Charging' }),
      socket(2, { status: 'Unavailable' }),
    ])
    expect(charging).toMatchObject({ bucket: 'attention', reason: 'Connector 2: Unavailable' })
  })

  it('count in the fleet by uuid: the counts of the buckets move with them', () => {
    const fleet = [charger({ uuid: 'a' }), charger({ uuid: 'b' })]
    const read = deriveFleetFacts(fleet, null, context, new Map([['b', [socket(1), faulted]]]))
    expect(countBuckets(read)).toMatchObject({ ok: 1, fault: 1 })
    expect(read.map((c) => c.facts.bucket)).toEqual(['ok', 'fault'])
  })

  it('keep the start of a socket fault from one sync to the next', () => {
    const first = deriveChargerFacts(charger(), { bucket: 'ok', reason: null, since: null }, context, [faulted])
    expect(first.since).toBe(new Date(NOW).toISOString())
    const later = deriveChargerFacts(charger(), first, { ...context, now: NOW + MIN }, [faulted])
    expect(later.since).toBe(first.since)
  })
})
