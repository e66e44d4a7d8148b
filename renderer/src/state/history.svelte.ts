// The fleet history as the window sees it (issue 11): one charger's strip, uptime and events for the detail
// panel; the Activity view's pages, filters and "since you last looked"; the fleet's counts over time. Main
// records and answers; this only asks, and asks again when a sync has finished.
import type {
  ChargerHistory,
  FleetSeries,
  HistoryEvent,
  HistoryEventKind,
  HistoryStatus,
  SinceLastLooked,
} from '@shared/history-schemas'
import type { SERIES_PERIODS } from '@shared/history-schemas'
import { SvelteSet } from 'svelte/reactivity'
import { api } from '../lib/api'

const HOUR = 3_600_000
export const ACTIVITY_PERIODS = [
  { key: '24h', label: '24 h', ms: 24 * HOUR },
  { key: '7d', label: '7 days', ms: 7 * 24 * HOUR },
  { key: '30d', label: '30 days', ms: 30 * 24 * HOUR },
] as const
export type ActivityPeriod = (typeof ACTIVITY_PERIODS)[number]['key']
export type SeriesPeriod = (typeof SERIES_PERIODS)[number]

const PAGE_SIZE = 100

export class ChargerHistoryState {
  /** undefined: not read yet; null: the history has no record of this charger. */
  data = $state.raw<ChargerHistory | null | undefined>(undefined)
  error = $state<string | null>(null)
  #uuid: string | null = null

  open(uuid: string): void {
    if (uuid === this.#uuid) return
    this.#uuid = uuid
    this.data = undefined
    this.error = null
    void this.load()
  }

  async load(): Promise<void> {
    const uuid = this.#uuid
    if (!uuid) return
    const result = await api.invoke['history:charger']({ uuid })
    // An answer for a charger no longer shown must not replace the one on screen.
    if (uuid !== this.#uuid) return
    if (result.ok) this.data = result.data
    this.error = result.ok ? null : result.error.message
  }
}

export class ActivityState {
  /** For the header's button: what is new since the user last looked. */
  since = $state.raw<SinceLastLooked | null>(null)
  /** What the view shows at its top: "since" as it was when the view opened, before it was marked seen. */
  sinceShown = $state.raw<SinceLastLooked | null>(null)
  events = $state.raw<HistoryEvent[]>([])
  total = $state(0)
  loading = $state(false)
  error = $state<string | null>(null)
  /** Empty: every kind. */
  readonly kinds = new SvelteSet<HistoryEventKind>()
  period = $state<ActivityPeriod>('24h')
  seriesPeriod = $state<SeriesPeriod>('24h')
  series = $state.raw<FleetSeries | null>(null)
  seriesError = $state<string | null>(null)
  /** Whether main is recording at all, and why not (a database set aside or unreadable). */
  status = $state.raw<HistoryStatus | null>(null)
  #request = 0

  async loadSince(): Promise<void> {
    const result = await api.invoke['history:since-last-looked'](undefined)
    if (result.ok) this.since = result.data
  }

  /** The view opens: show what is new since the last look first, then record that the user has seen it. */
  async opened(): Promise<void> {
    const result = await api.invoke['history:since-last-looked'](undefined)
    if (result.ok) this.sinceShown = result.data
    const status = await api.invoke['history:status'](undefined)
    if (status.ok) this.status = status.data
    await Promise.all([this.load(false), this.loadSeries()])
    const seen = await api.invoke['history:mark-seen'](undefined)
    if (seen.ok) this.since = seen.data
  }

  async load(more: boolean): Promise<void> {
    const request = ++this.#request
    const period = ACTIVITY_PERIODS.find((p) => p.key === this.period)!
    const beforeId = more ? this.events.at(-1)?.id : undefined
    this.loading = true
    const result = await api.invoke['history:activity']({
      ...(this.kinds.size > 0 ? { kinds: [...this.kinds] } : {}),
      since: new Date(Date.now() - period.ms).toISOString(),
      ...(beforeId !== undefined ? { beforeId } : {}),
      limit: PAGE_SIZE,
    })
    // A filter changed while this page travelled: the newer request's answer wins.
    if (request !== this.#request) return
    this.loading = false
    this.error = result.ok ? null : result.error.message
    if (!result.ok) return
    this.events = more ? [...this.events, ...result.data.events] : result.data.events
    this.total = result.data.total
  }

  toggleKind(kind: HistoryEventKind): void {
    if (this.kinds.has(kind)) this.kinds.delete(kind)
    else this.kinds.add(kind)
    void this.load(false)
  }

  setPeriod(period: ActivityPeriod): void {
    this.period = period
    void this.load(false)
  }

  async loadSeries(): Promise<void> {
    const period = this.seriesPeriod
    const result = await api.invoke['history:fleet-series']({ period })
    if (period !== this.seriesPeriod) return
    this.series = result.ok ? result.data : this.series
    this.seriesError = result.ok ? null : result.error.message
  }

  setSeriesPeriod(period: SeriesPeriod): void {
    this.seriesPeriod = period
    void this.loadSeries()
  }
}

export const chargerHistory = new ChargerHistoryState()
export const activity = new ActivityState()
