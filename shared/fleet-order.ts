// The order the fleet is read in, for the list's sort and the tray's problem list alike: text in natural order
// for people ("EVB-2" before "EVB-10", case and accents ignored), nulls last, and within a health bucket the most
// urgent first (the charger that dropped a minute ago before the one gone for weeks), then by identity. One
// rule, so the tray's five problems are the first five of the list sorted by health.
import { BUCKETS, type Bucket } from './fleet-health'
import type { FleetCharger } from './charger-facts'
import { parseTime } from './format'

export type SortKey = string | number | null
export type SortDirection = 'ascending' | 'descending'

const naturalKeys = new Map<string, string>()

/**
 * A string that sorts in natural order for people with plain `<`: "EVB-2" before "EVB-10", case and accents
 * ignored. Computed once per distinct text (Intl.Collator per comparison cost ~40 ms on 10,000 chargers).
 */
export function naturalKey(text: string): string {
  let key = naturalKeys.get(text)
  if (key === undefined) {
    key = text.toLowerCase()
    // Most identities and references are ASCII: skip the Unicode work for them.
    // eslint-disable-next-line no-control-regex -- the ASCII range, NUL included, is the point of the test
    if (/[^\x00-\x7f]/.test(key)) key = key.normalize('NFD').replace(/\p{M}/gu, '')
    if (/\d/.test(key)) key = key.replace(/\d+/g, padDigits)
    if (naturalKeys.size > 200_000) naturalKeys.clear()
    naturalKeys.set(text, key)
  }
  return key
}

/** "007" and "7" → "000000000000007": equal numbers compare equal, longer numbers sort after shorter. */
function padDigits(digits: string): string {
  let start = 0
  while (start < digits.length - 1 && digits.charCodeAt(start) === 48) start++
  const significant = digits.slice(start)
  return significant.length >= 15 ? significant : '0'.repeat(15 - significant.length) + significant
}

export const natural = (key: SortKey): SortKey => (typeof key === 'string' ? naturalKey(key) : key)

/** Keys already made natural: nulls last whatever the direction. */
export function compareNatural(a: SortKey, b: SortKey, direction: SortDirection): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1
  const order = a < b ? -1 : a > b ? 1 : 0
  return direction === 'ascending' ? order : -order
}

/** Nulls last whatever the direction; otherwise numbers by value, text in natural order. */
export function compareKeys(a: SortKey, b: SortKey, direction: SortDirection): number {
  return compareNatural(natural(a), natural(b), direction)
}

/** Buckets whose news is a change: the charger that dropped a minute ago comes before the one gone for weeks. */
const NEWEST_FIRST: ReadonlySet<Bucket> = new Set(['offline', 'fault'])

/**
 * Within a health bucket, the most urgent first: offline by the latest disconnection, fault by the newest
 * fault (the facts' "since"); unknown moments after known ones. Negated so that ascending puts newest first.
 */
export function urgencyKey(charger: FleetCharger): SortKey {
  if (!NEWEST_FIRST.has(charger.facts.bucket)) return null
  const since = parseTime(charger.facts.since)
  return since === null ? null : -since
}

/** The last tie: the identity every charger has (its uuid where none was sent). */
export function identityKey(charger: FleetCharger): string {
  const identity = charger.identity?.trim()
  return identity ? identity : charger.uuid
}

/** Worst bucket first, then urgency, then identity: the list sorted by health, ascending. */
export function compareByHealth(a: FleetCharger, b: FleetCharger): number {
  return (
    BUCKETS.indexOf(a.facts.bucket) - BUCKETS.indexOf(b.facts.bucket) ||
    compareKeys(urgencyKey(a), urgencyKey(b), 'ascending') ||
    compareKeys(identityKey(a), identityKey(b), 'ascending')
  )
}
