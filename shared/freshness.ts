// How current the fleet on screen is: one definition for the tray and the window alike. Cached data must
// never read as live, so anything not confirmed by the last refresh is "cached" here, and the
// tray's icon and the window's freshness line and greyed rows all follow from the one state below.
import type { AppErrorInfo, AuthStatus, FleetStatus } from './app-schemas'
import { parseTime } from './format'

export type Freshness =
  /** Nothing read yet for this account: a first sync may be under way or may have failed. */
  | { state: 'never-synced'; syncing: boolean; error: AppErrorInfo | null }
  /** The list is what the last refresh read. */
  | { state: 'live'; fetchedAt: number }
  /** A sync is under way; `cached` when what is shown meanwhile was not confirmed by the last refresh. */
  | { state: 'syncing'; fetchedAt: number; cached: boolean; error: AppErrorInfo | null }
  /** From the offline copy, not refreshed yet (error null), or kept because the last refresh failed. */
  | { state: 'cached'; fetchedAt: number; error: AppErrorInfo | null }
  /** Plugchoice rejected the token: the list is from before, and no refresh will come until a new sign-in. */
  | { state: 'token-rejected'; fetchedAt: number | null; error: AppErrorInfo | null }

export type FreshnessState = Freshness['state']

/** The list shown may not be current: it comes from the cache, or the last refresh failed (FleetStatus.stale). */
export function isCachedList(source: FleetStatus['source'], lastError: AppErrorInfo | null): boolean {
  return source === 'cache' || (source === 'live' && lastError !== null)
}

export function freshnessOf(fleet: FleetStatus, auth: Pick<AuthStatus, 'state'> | null): Freshness {
  const fetchedAt = fleet.source === 'none' ? null : parseTime(fleet.fetchedAt)
  const error = fleet.sync.lastError
  if (auth?.state === 'token-rejected') return { state: 'token-rejected', fetchedAt, error }
  if (fetchedAt === null) return { state: 'never-synced', syncing: fleet.sync.state === 'syncing', error }
  const cached = isCachedList(fleet.source, error)
  if (fleet.sync.state === 'syncing') return { state: 'syncing', fetchedAt, cached, error }
  return cached ? { state: 'cached', fetchedAt, error } : { state: 'live', fetchedAt }
}

/** Whether what is shown was confirmed by the last refresh: only then may it look live (no grey, no clock). */
export function isCurrent(freshness: Freshness): boolean {
  return freshness.state === 'live' || (freshness.state === 'syncing' && !freshness.cached)
}
