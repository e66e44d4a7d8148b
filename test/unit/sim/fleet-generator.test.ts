import { describe, expect, it } from 'vitest'
import { BUCKETS, bucketOf, countBuckets } from '@shared/fleet-health'
import { withFacts } from '@shared/charger-facts'
import { ChargerSchema } from '@shared/plugchoice-schemas'
import { generateFleet, HTML_REFERENCE, NONSTANDARD_ERROR, UNKNOWN_STATUS } from '@main/sim/fleet-generator'

const API_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000000Z$/
const TIME_FIELDS = [
  'created_at',
  'updated_at',
  'last_connection_at',
  'last_disconnection_at',
  'last_heartbeat_at',
] as const

describe('generateFleet', () => {
  const fleet = generateFleet(2000, 42)

  it('produces chargers that all pass the API schema unchanged, unknown fields included', () => {
    for (const charger of fleet) {
      const parsed = ChargerSchema.safeParse(charger)
      expect(parsed.success, JSON.stringify(charger)).toBe(true)
      expect(parsed.data).toEqual(charger)
    }
    const withHint = fleet.filter((charger) => 'site_hint' in charger)
    expect(withHint.length).toBeGreaterThan(0)
    expect(ChargerSchema.parse(withHint[0]).site_hint).toBe(withHint[0]?.site_hint)
  })

  it('is the same fleet for the same seed, and another fleet for another seed', () => {
    expect(generateFleet(2000, 42)).toEqual(fleet)
    const other = generateFleet(2000, 43)
    expect(other.map((c) => c.uuid)).not.toEqual(fleet.map((c) => c.uuid))
  })

  it('gives a small fleet that is the start of a larger one of the same seed', () => {
    expect(generateFleet(100, 42)).toEqual(fleet.slice(0, 100))
  })

  it('has unique uuids, ids and identities', () => {
    expect(new Set(fleet.map((c) => c.uuid)).size).toBe(fleet.length)
    expect(new Set(fleet.map((c) => c.id)).size).toBe(fleet.length)
    expect(new Set(fleet.map((c) => c.identity)).size).toBe(fleet.length)
  })

  it('covers every health bucket, mostly healthy, a few percent offline', () => {
    const counts = countBuckets(withFacts(fleet))
    for (const bucket of BUCKETS) expect(counts[bucket], bucket).toBeGreaterThan(0)
    expect((counts.ok + counts.in_use) / fleet.length).toBeGreaterThan(0.7)
    expect(counts.offline / fleet.length).toBeGreaterThan(0.01)
    expect(counts.offline / fleet.length).toBeLessThan(0.1)
  })

  it('holds one of every bucket within its first page, so a small demo fleet shows them all', () => {
    const counts = countBuckets(withFacts(generateFleet(25, 7)))
    for (const bucket of BUCKETS) expect(counts[bucket], bucket).toBeGreaterThan(0)
  })

  it('has exactly one HTML reference, one non-standard error and one unknown status', () => {
    for (const seed of [1, 2026]) {
      const chargers = generateFleet(1000, seed)
      expect(chargers.filter((c) => c.reference === HTML_REFERENCE)).toHaveLength(1)
      expect(chargers.filter((c) => c.reference?.includes('<'))).toHaveLength(1)
      expect(chargers.filter((c) => c.error === NONSTANDARD_ERROR)).toHaveLength(1)
      expect(chargers.filter((c) => c.status === UNKNOWN_STATUS)).toHaveLength(1)
    }
  })

  it('fills fields the way the API does for each kind of charger', () => {
    const offline = fleet.filter((c) => c.connection_status === 'offline')
    for (const charger of offline) expect(charger.last_disconnection_at).toMatch(API_TIME)

    const faults = fleet.filter((c) => bucketOf(c) === 'fault' && c.error !== NONSTANDARD_ERROR)
    expect(faults.some((c) => c.error === 'GroundFailure')).toBe(true)
    expect(faults.some((c) => c.error === 'OtherError' && c.vendor_error_code && c.error_info)).toBe(true)
    expect(faults.some((c) => c.vendor_id)).toBe(true)

    const neverSeen = fleet.filter((c) => c.connection_status === 'never_seen')
    expect(neverSeen.length).toBeGreaterThan(0)
    for (const charger of neverSeen) {
      expect(charger.status).toBeNull()
      expect(charger.firmware_version).toBeNull()
      expect(charger.last_heartbeat_at).toBeNull()
    }

    expect(fleet.some((c) => c.blocked)).toBe(true)
    expect(fleet.some((c) => c.setup_pending && c.connection_status === 'online')).toBe(true)
    expect(fleet.some((c) => c.error === 'EVCommunicationError')).toBe(true)
    expect(fleet.some((c) => c.reference === null)).toBe(true)
    expect(fleet.some((c) => c.model === null)).toBe(true)
    expect(fleet.some((c) => !('model' in c))).toBe(true)
    expect(fleet.some((c) => c.model?.is_dc === true)).toBe(true)
    expect(new Set(fleet.map((c) => c.model?.vendor).filter(Boolean)).size).toBeGreaterThanOrEqual(5)
    expect(new Set(fleet.map((c) => c.firmware_version).filter(Boolean)).size).toBeGreaterThan(5)

    for (const charger of fleet) {
      for (const field of TIME_FIELDS) {
        const value = charger[field]
        if (value != null) expect(value, `${field} of ${charger.uuid}`).toMatch(API_TIME)
      }
    }
  })

  it('anchors timestamps at the given time', () => {
    const now = Date.UTC(2027, 5, 1)
    const chargers = generateFleet(200, 42, now)
    const heartbeats = chargers.flatMap((c) => (c.last_heartbeat_at ? [Date.parse(c.last_heartbeat_at)] : []))
    expect(Math.max(...heartbeats)).toBeLessThanOrEqual(now)
    expect(Math.max(...heartbeats)).toBeGreaterThan(now - 24 * 3600_000)
  })

  it('refuses a size that is not a whole number', () => {
    expect(generateFleet(0, 1)).toEqual([])
    expect(() => generateFleet(-1, 1)).toThrow(/whole number/)
    expect(() => generateFleet(2.5, 1)).toThrow(/whole number/)
  })
})
