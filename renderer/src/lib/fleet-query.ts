// Filtering, searching and sorting the fleet: pure functions over readonly arrays, so that the view can
// derive "sorted" (on data or sort change) and "shown" (on every keystroke) separately and cheaply.
import { BUCKETS, emptyCounts, type Bucket, type BucketCounts } from '@shared/fleet-health'
import type { FleetCharger } from '@shared/charger-facts'
import { searchTextFor } from './charger-index'
import { compareNatural, natural, type SortDirection } from '@shared/fleet-order'
import { COLUMN_BY_ID, type ColumnId } from './columns'

export { compareKeys, naturalKey } from '@shared/fleet-order'

export type { SortDirection } from '@shared/fleet-order'
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

/** A uuid fragment this long names one charger; a shorter one ("a1") would match half the fleet. */
const MIN_UUID_TERM = 8

interface Term {
  text: string
  /** The numeric id the term names exactly ("4711"), or null: ids are matched whole, never as a fragment. */
  id: number | null
  uuid: boolean
}

function compileTerms(query: string): Term[] {
  return searchTerms(query).map((text) => ({
    text,
    id: /^\d{1,15}$/.test(text) ? Number(text) : null,
    uuid: text.length >= MIN_UUID_TERM && /^[0-9a-f-]+$/.test(text),
  }))
}

function matchesTerms(charger: FleetCharger, terms: readonly Term[]): boolean {
  if (terms.length === 0) return true
  const haystack = searchTextFor(charger)
  for (const term of terms) {
    if (haystack.includes(term.text)) continue
    if (term.id !== null && charger.id === term.id) continue
    if (term.uuid && charger.uuid.toLowerCase().includes(term.text)) continue
    return false
  }
  return true
}

/**
 * Every term must appear in the charger's text (identity, reference, model, firmware, error, health and
 * status words), or be its numeric id, or a piece of its uuid (a support ticket names a charger either way).
 */
export function matchesSearch(charger: FleetCharger, query: string): boolean {
  return matchesTerms(charger, compileTerms(query))
}

/** The chargers a query finds, in the order of `chargers` (already sorted), so a keystroke never re-sorts. */
export function searchChargers(chargers: readonly FleetCharger[], query: string): readonly FleetCharger[] {
  const terms = compileTerms(query)
  if (terms.length === 0) return chargers
  return chargers.filter((charger) => matchesTerms(charger, terms))
}

/** The chargers in the chosen buckets (empty: all), in their order. */
export function filterByBucket(
  chargers: readonly FleetCharger[],
  buckets: ReadonlySet<Bucket>,
): readonly FleetCharger[] {
  if (buckets.size === 0) return chargers
  return chargers.filter((charger) => buckets.has(charger.facts.bucket))
}

export function filterChargers(chargers: readonly FleetCharger[], filter: FleetFilter): readonly FleetCharger[] {
  return filterByBucket(searchChargers(chargers, filter.query), filter.buckets)
}

/**
 * Whether a query that grows from `query` can only lose matches. Not when its last term may still become an
 * id or a uuid fragment: "47" does not match id 471 but "471" does, nor does "abc1234" match a uuid that
 * "abc12345" does.
 */
function canNarrowFrom(query: string): boolean {
  const tail = /\S+$/.exec(query)?.[0]
  if (tail === undefined) return true
  return !/^\d+$/.test(tail) && !(tail.length < MIN_UUID_TERM && /^[0-9a-f-]+$/.test(tail))
}

/**
 * A search that remembers its last answer: when the query only grew (a keystroke at the end) over the same
 * chargers, every match of the new query is among the matches of the old one, so only those are searched
 * again. Typing into a search over 10,000 chargers then gets cheaper with every letter.
 */
export function createIncrementalSearch(): (
  chargers: readonly FleetCharger[],
  query: string,
) => readonly FleetCharger[] {
  let last: { chargers: readonly FleetCharger[]; query: string; result: readonly FleetCharger[] } | null = null
  return (chargers, query) => {
    const lower = query.toLowerCase()
    const narrowing =
      last !== null && last.chargers === chargers && lower.startsWith(last.query) && canNarrowFrom(last.query)
    const result = searchChargers(narrowing ? last!.result : chargers, lower)
    last = { chargers, query: lower, result }
    return result
  }
}

export function countByBucket(chargers: readonly FleetCharger[]): BucketCounts {
  const counts = emptyCounts()
  for (const charger of chargers) counts[charger.facts.bucket]++
  return counts
}

/**
 * A new array sorted by one column; stable (equal keys keep the input order) and nulls last. Keys are
 * computed once per charger rather than once per comparison.
 */
export function sortChargers(chargers: readonly FleetCharger[], sort: SortState): FleetCharger[] {
  const column = COLUMN_BY_ID[sort.column]
  const ties = column.tieKeys ?? []
  const decorated = chargers.map((charger, index) => ({
    charger,
    index,
    key: natural(column.sortKey(charger)),
    ties: ties.map((key) => natural(key(charger))),
  }))
  decorated.sort((a, b) => {
    const order = compareNatural(a.key, b.key, sort.direction)
    if (order !== 0) return order
    for (let i = 0; i < ties.length; i++) {
      const tie = compareNatural(a.ties[i]!, b.ties[i]!, 'ascending')
      if (tie !== 0) return tie
    }
    return a.index - b.index
  })
  return decorated.map((entry) => entry.charger)
}

/** The next sort when a column header is activated: a new column starts ascending, the same one flips. */
export function nextSort(current: SortState, column: ColumnId): SortState {
  if (current.column !== column) return { column, direction: 'ascending' }
  return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
}

/** Filter buttons worst first, as the health model orders the buckets. */
export const FILTER_ORDER: readonly Bucket[] = BUCKETS
