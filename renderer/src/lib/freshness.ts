// The freshness line under the fleet header, in words. What state the data is in is decided once, in
// shared/freshness.ts, for the tray and the window alike; this only says it. Cached data must never read as
// live (stale data is always labelled as such), so every state but "live" and a sync over live data says "cached".
import type { AuthStatus, FleetStatus } from '@shared/app-schemas'
import { formatRelative, parseTime, systemFormat, type Format } from '@shared/format'
import { freshnessOf as freshnessState } from '@shared/freshness'

export type FreshnessTone = 'fresh' | 'syncing' | 'stale' | 'error' | 'none'

export interface Freshness {
  text: string
  tone: FreshnessTone
  /** The exact time of the data, for a tooltip. */
  fetchedAt: number | null
}

/** "Cannot reach Plugchoice." → "Cannot reach Plugchoice": the line adds its own punctuation. */
function reason(message: string): string {
  return message.trim().replace(/[.\s]+$/, '')
}

export function freshnessOf(
  status: FleetStatus | null,
  now: number,
  auth: Pick<AuthStatus, 'state'> | null = null,
  format: Format = systemFormat(),
): Freshness {
  if (!status) return { text: 'Loading…', tone: 'none', fetchedAt: null }
  const { sync } = status
  const state = freshnessState(status, auth)
  const fetchedAt = state.state === 'never-synced' ? null : state.fetchedAt
  const cachedFrom =
    fetchedAt === null
      ? null
      : `Showing cached data from ${format.clock(fetchedAt, now)}, updated ${formatRelative(fetchedAt, now)}`
  const nextAt = parseTime(sync.nextSyncAt)
  const retry = nextAt === null ? '' : ` · next retry ${format.clock(nextAt, now)}`
  const failure = state.state !== 'live' && state.error ? reason(state.error.message) : null

  if (state.state === 'syncing' || (state.state === 'never-synced' && state.syncing)) {
    const progress =
      sync.pagesRead > 0 ? `Syncing… page ${sync.pagesRead}, ${format.count(sync.chargersRead, 'charger')}` : 'Syncing…'
    const cached = state.state === 'syncing' && state.cached
    return { text: cached && cachedFrom ? `${progress} · ${cachedFrom}` : progress, tone: 'syncing', fetchedAt }
  }
  switch (state.state) {
    case 'never-synced':
      if (failure) return { text: `Could not read the fleet — ${failure}${retry}`, tone: 'error', fetchedAt }
      return { text: 'Not synced yet', tone: 'none', fetchedAt }
    case 'cached':
    case 'token-rejected':
      if (cachedFrom === null) return { text: 'Not synced yet', tone: 'none', fetchedAt }
      return failure
        ? { text: `${cachedFrom} — ${failure}${retry}`, tone: 'error', fetchedAt }
        : { text: cachedFrom, tone: 'stale', fetchedAt }
    case 'live':
      return { text: `Updated ${formatRelative(state.fetchedAt, now)}`, tone: 'fresh', fetchedAt }
  }
}
