// What the list shows: filters, search, sort, selection and the detail panel. "sorted" is derived from the
// fleet and the sort only, "searched" from sorted plus the query, "rows" from searched plus the buckets, so a
// keystroke searches an already sorted array and a filter click only picks buckets out of the search.
import type { Bucket } from '@shared/fleet-health'
import type { FleetCharger } from '@shared/charger-facts'
import { visibleColumns, type ColumnId } from '../lib/columns'
import {
  countByBucket,
  createIncrementalSearch,
  filterByBucket,
  DEFAULT_SORT,
  nextSort,
  sortChargers,
  type SortState,
} from '../lib/fleet-query'
import { freshnessOf, isIncomplete, looksLive, type Freshness } from '@shared/freshness'
import { lostContactMessage } from '../lib/api'
import type { FleetStore } from './fleet-store.svelte'
import type { Session } from './session.svelte'

export class FleetView {
  query = $state('')
  buckets = $state.raw<ReadonlySet<Bucket>>(new Set())
  sort = $state.raw<SortState>(DEFAULT_SORT)
  selectedUuid = $state<string | null>(null)
  detailOpen = $state(false)
  /** Bumped when the selection must be scrolled into view (keyboard, tray, notification). */
  revealRequest = $state(0)

  readonly #store: FleetStore
  readonly #session: Session

  constructor(store: FleetStore, session: Session) {
    this.#store = store
    this.#session = session
  }

  // $derived.by: the stores are read lazily, after the constructor has set them.
  /** The one freshness state (shared/freshness.ts) as this window sees it, its link to the app included. */
  freshness = $derived.by<Freshness | null>(() => {
    const status = this.#store.status
    const link = { connected: this.#session.connected, lostMessage: lostContactMessage }
    return status === null ? null : freshnessOf(status, this.#session.auth, link)
  })
  /** Everything drawn from the list looks stale (rows, badges, counts, totals) unless it may look live. */
  stale = $derived.by(() =>
    this.freshness === null ? this.#session.auth?.state === 'token-rejected' : !looksLive(this.freshness),
  )
  /** A first sync's pages so far: the counts are not the whole fleet's. */
  incomplete = $derived.by(() => this.freshness !== null && isIncomplete(this.freshness))
  sorted = $derived.by(() => sortChargers(this.#store.chargers, this.sort))
  readonly #search = createIncrementalSearch()
  searched = $derived(this.#search(this.sorted, this.query))
  /** Per bucket, within the current search: the filter buttons say what a click would show. */
  counts = $derived(countByBucket(this.searched))
  rows = $derived(filterByBucket(this.searched, this.buckets))
  columns = $derived.by(() => visibleColumns(this.#session.settings.hiddenColumns))
  selected = $derived.by<FleetCharger | undefined>(() =>
    this.selectedUuid ? this.#store.byUuid.get(this.selectedUuid) : undefined,
  )
  selectedIndex = $derived(this.selectedUuid === null ? -1 : this.rows.findIndex((c) => c.uuid === this.selectedUuid))
  filtered = $derived(this.buckets.size > 0 || this.query.trim() !== '')

  toggleBucket(bucket: Bucket): void {
    const next = new Set(this.buckets)
    if (next.has(bucket)) next.delete(bucket)
    else next.add(bucket)
    this.buckets = next
  }

  clearFilters(): void {
    this.buckets = new Set()
    this.query = ''
  }

  sortBy(column: ColumnId): void {
    this.sort = nextSort(this.sort, column)
  }

  select(uuid: string | null, options: { open?: boolean; reveal?: boolean } = {}): void {
    this.selectedUuid = uuid
    if (options.open !== undefined) this.detailOpen = options.open && uuid !== null
    if (options.reveal) this.revealRequest++
  }

  /** Moves the selection by `step` rows of the current view (arrow keys, Page Up/Down). */
  move(step: number): void {
    const count = this.rows.length
    if (count === 0) return
    const from = this.selectedIndex
    const to = from === -1 ? (step > 0 ? 0 : count - 1) : Math.min(count - 1, Math.max(0, from + step))
    this.select(this.rows[to]!.uuid, { reveal: true })
  }

  moveTo(index: number): void {
    const charger = this.rows[Math.min(this.rows.length - 1, Math.max(0, index))]
    if (charger) this.select(charger.uuid, { reveal: true })
  }

  /** The tray or a notification asks for one charger: show it even when filters would hide it. */
  reveal(uuid: string): void {
    if (!this.#store.byUuid.has(uuid)) return
    if (!this.rows.some((c) => c.uuid === uuid)) this.clearFilters()
    this.select(uuid, { open: true, reveal: true })
  }
}
