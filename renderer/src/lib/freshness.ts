// The freshness line under the fleet header, in words. What state the data is in is decided once, in
// shared/freshness.ts, for the tray and the window alike; this only says it. The data's age is on the line in
// every state (during a sync too), and cached data never reads as live.
import type { AuthStatus, FleetStatus } from '@shared/app-schemas'
import { formatDuration, formatRelative, parseTime, systemFormat, type Format } from '@shared/format'
import {
  APP_UNREACHABLE,
  failureHeadline,
  freshnessOf as freshnessState,
  RATE_LIMIT_REASON,
  type AppLink,
  type Wait,
} from '@shared/freshness'

export type FreshnessTone = 'fresh' | 'syncing' | 'stale' | 'error' | 'none'

export interface Freshness {
  text: string
  tone: FreshnessTone
  /** The exact time of the data, for a tooltip. */
  fetchedAt: number | null
  /** The technical side of a failure (the OS code, the host), one click away from the plain words. */
  detail: string | null
}

export function freshnessOf(
  status: FleetStatus | null,
  now: number,
  auth: Pick<AuthStatus, 'state'> | null = null,
  format: Format = systemFormat(),
  link: AppLink | null = null,
): Freshness {
  if (!status) return { text: 'Loading…', tone: 'none', fetchedAt: null, detail: null }
  const { sync } = status
  const state = freshnessState(status, auth, link)
  const at = (ms: number) => format.clock(ms, now)
  const fetchedAt = state.state === 'never-synced' ? null : state.fetchedAt
  const detail = state.state !== 'live' && state.error ? state.error.message : null
  const line = (text: string, tone: FreshnessTone): Freshness => ({ text, tone, fetchedAt, detail })
  const dataFrom = (ms: number) => `showing data from ${at(ms)}, ${formatDuration(now - ms)} old`
  const nextAt = parseTime(sync.nextSyncAt)
  const retrying = (wait: Wait | null) =>
    wait?.reason === 'retry' ? ` Retrying at ${at(wait.until)}.` : nextAt === null ? '' : ` Retrying at ${at(nextAt)}.`
  const paused = (wait: Wait | null) =>
    wait?.reason === 'rate-budget' ? ` · paused until ${at(wait.until)}, ${RATE_LIMIT_REASON}` : ''
  const refreshLater = (refreshAt: number | null) =>
    refreshAt === null ? '' : ` · Refreshing at ${at(refreshAt)} — ${RATE_LIMIT_REASON}`
  const progress =
    sync.pagesRead > 0 ? `Syncing… page ${sync.pagesRead}, ${format.count(sync.chargersRead, 'charger')}` : 'Syncing…'

  switch (state.state) {
    case 'never-synced': {
      const soFar = state.chargersSoFar > 0 ? `${format.count(state.chargersSoFar, 'charger')} so far` : null
      if (state.error && (!state.syncing || state.wait?.reason === 'retry')) {
        const headline = failureHeadline(state.error.code)
        const shown = soFar ? ` — showing the ${soFar}, not the whole fleet.` : ' — the fleet could not be read yet.'
        return line(`${headline}${shown}${state.syncing ? retrying(state.wait) : retrying(null)}`, 'error')
      }
      if (state.syncing) {
        const text = soFar ? `Loading your fleet… ${soFar}` : 'Loading your fleet…'
        return line(`${text}${paused(state.wait)}`, 'syncing')
      }
      return line(soFar ? `Not fully loaded: ${soFar}` : 'Not synced yet', 'none')
    }
    case 'syncing':
      if (state.error) {
        const next = state.wait?.reason === 'retry' ? retrying(state.wait) : ' Trying again now…'
        return line(`${failureHeadline(state.error.code)} — ${dataFrom(state.fetchedAt)}.${next}`, 'error')
      }
      return line(
        `${progress}${paused(state.wait)} · ${state.cached ? 'showing cached data' : 'showing data'} from ${at(state.fetchedAt)}`,
        'syncing',
      )
    case 'cached':
      if (state.error) {
        // Without the app, its next retry is not known here: the bridge reconnects by itself (the alert says so).
        const next = state.error.code === APP_UNREACHABLE ? '' : retrying(null)
        return line(`${failureHeadline(state.error.code)} — ${dataFrom(state.fetchedAt)}.${next}`, 'error')
      }
      return line(
        `Showing cached data from ${at(state.fetchedAt)}, updated ${formatRelative(state.fetchedAt, now)}${refreshLater(state.refreshAt)}`,
        'stale',
      )
    case 'token-rejected':
      if (state.fetchedAt === null) return line('Not synced yet', 'none')
      return line(
        `Showing cached data from ${at(state.fetchedAt)}, updated ${formatRelative(state.fetchedAt, now)}`,
        'stale',
      )
    case 'live':
      return line(`Updated ${formatRelative(state.fetchedAt, now)}${refreshLater(state.refreshAt)}`, 'fresh')
  }
}
