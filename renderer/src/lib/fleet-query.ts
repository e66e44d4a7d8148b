// Filtering, searching and sorting the fleet: pure functions over readonly arrays, so that the view can
// derive "sorted" (on data or sort change) and "shown" (on every keystroke) separately and cheaply.
import { BUCKETS, emptyCounts, type Bucket, type BucketCounts } from '../../../shared/fleet-health'
import type { Charger } from '../../../shared/plugchoice-schemas'
import { bucketFor, searchTextFor } from './charger-index'
import { COLUMN_BY_ID, type ColumnId, type SortKey } from './columns'

export type SortDirection = 'ascending' | 'descending'
export interface SortState {
  column: ColumnId
  direction: SortDirection
}
export const DEFAULT_SORT: SortState = { column: 'health', direction: 'ascending' }

export interface FleetFilter {
  /** Buckets to show; empty means all. Several buckets combine as "any of". */
  buckets: ReadonlySet<Bucket>
  query: string
}

/** The search terms of a query: every one must appear somewhere in the charger's searchable text. */
export function searchTerms(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean)
}

export function matchesSearch(charger: Charger, terms: readonly string[]): boolean {
  if (terms.length === 0) return true
  const haystack = searchTextFor(charger)
  return terms.every((term) => haystack.includes(term))
}

/** Keeps the order of `chargers` (already sorted), so a keystroke never re-sorts. */
export function filterChargers(chargers: readonly Charger[], filter: FleetFilter): readonly Charger[] {
  const terms = searchTerms(filter.query)
  const anyBucket = filter.buckets.size === 0
  if (anyBucket && terms.length === 0) return chargers
  return chargers.filter(
    (charger) => (anyBucket || filter.buckets.has(bucketFor(charger))) && matchesSearch(charger, terms),
  )
}

export function countByBucket(chargers: readonly Charger[]): BucketCounts {
  const counts = emptyCounts()
  for (const charger of chargers) counts[bucketFor(charger)]++
  return counts
}

/** Natural order for people: "EVB-2" before "EVB-10", case and accents ignored. */
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

/** Nulls last whatever the direction; otherwise numbers by value, text in natural order. */
export function compareKeys(a: SortKey, b: SortKey, direction: SortDirection): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1
  const order =
    typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b))
  return direction === 'ascending' ? order : -order
}

/**
 * A new array sorted by one column; stable (equal keys keep the input order) and nulls last. Keys are
 * computed once per charger rather than once per comparison.
 */
export function sortChargers(chargers: readonly Charger[], sort: SortState): Charger[] {
  const column = COLUMN_BY_ID[sort.column]
  const decorated = chargers.map((charger, index) => ({
    charger,
    index,
    key: column.sortKey(charger),
    tie: column.tieKey ? column.tieKey(charger) : null,
  }))
  decorated.sort(
    (a, b) =>
      compareKeys(a.key, b.key, sort.direction) ||
      (column.tieKey ? compareKeys(a.tie, b.tie, 'ascending') : 0) ||
      a.index - b.index,
  )
  return decorated.map((entry) => entry.charger)
}

/** The next sort when a column header is activated: a new column starts ascending, the same one flips. */
export function nextSort(current: SortState, column: ColumnId): SortState {
  if (current.column !== column) return { column, direction: 'ascending' }
  return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
}

/** Filter buttons worst first, as the health model orders the buckets. */
export const FILTER_ORDER: readonly Bucket[] = BUCKETS
