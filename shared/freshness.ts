// How current the fleet on screen is: one definition for the tray and the window alike. Cached data must
// never read as live, so anything not confirmed by the last refresh is "cached" here, and the
// tray's icon and the window's freshness line and greyed rows all follow from the one state below.
import type { AppErrorInfo, AuthStatus, FleetStatus } from './app-schemas'
import { parseTime } from './format'

/** Why a wait is under way, shared by every line that says it. */
export interface Wait {
  reason: 'retry' | 'rate-budget'
  until: number
}

export type Freshness =
  /** Nothing complete read yet for this account: a first sync may be under way (its rows so far shown) or failed. */
  | { state: 'never-synced'; syncing: boolean; error: AppErrorInfo | null; chargersSoFar: number; wait: Wait | null }
  /** The list is what the last refresh read. */
  | { state: 'live'; fetchedAt: number; refreshAt: number | null }
  /** A sync is under way; `cached` when what is shown meanwhile was not confirmed by the last refresh. */
  | { state: 'syncing'; fetchedAt: number; cached: boolean; error: AppErrorInfo | null; wait: Wait | null }
  /** From the offline copy, not refreshed yet (error null), or kept because the last refresh failed. */
  | { state: 'cached'; fetchedAt: number; error: AppErrorInfo | null; refreshAt: number | null }
  /** Plugchoice rejected the token: the list is from before, and no refresh will come until a new sign-in. */
  | { state: 'token-rejected'; fetchedAt: number | null; error: AppErrorInfo | null }

export type FreshnessState = Freshness['state']

/**
 * Whether this view can hear from the app at all (the web preview's bridge); a window that cannot knows
 * nothing newer than what it holds, so a sync it last heard of is not "under way" for it any more.
 */
export interface AppLink {
  connected: boolean
  /** What to say when it is not ("Lost contact with the app…"). */
  lostMessage: string
}

export const APP_UNREACHABLE = 'app-unreachable'

/** The list shown may not be current: it comes from the cache, or the last refresh failed (FleetStatus.stale). */
export function isCachedList(source: FleetStatus['source'], lastError: AppErrorInfo | null): boolean {
  return source === 'cache' || (source === 'live' && lastError !== null)
}

export function freshnessOf(
  fleet: FleetStatus,
  auth: Pick<AuthStatus, 'state'> | null,
  link: AppLink | null = null,
): Freshness {
  const { sync } = fleet
  const complete = fleet.source === 'cache' || fleet.source === 'live'
  const fetchedAt = complete ? parseTime(fleet.fetchedAt) : null
  if (auth?.state === 'token-rejected') return { state: 'token-rejected', fetchedAt, error: sync.lastError }
  const lost = link !== null && !link.connected
  const error = lost ? { code: APP_UNREACHABLE, message: link.lostMessage } : sync.lastError
  const syncing = sync.state === 'syncing' && !lost
  const waitUntil = parseTime(sync.waiting?.until)
  const wait = syncing && sync.waiting && waitUntil !== null ? { reason: sync.waiting.reason, until: waitUntil } : null
  const refreshAt = lost ? null : parseTime(sync.refreshAt)
  if (fetchedAt === null) {
    const chargersSoFar = fleet.source === 'partial' ? fleet.total : 0
    return { state: 'never-synced', syncing, error, chargersSoFar, wait }
  }
  const cached = lost || isCachedList(fleet.source, error)
  if (syncing) return { state: 'syncing', fetchedAt, cached, error, wait }
  return cached ? { state: 'cached', fetchedAt, error, refreshAt } : { state: 'live', fetchedAt, refreshAt }
}

/** Whether what is shown was confirmed by the last refresh: only then may it look live (no grey, no clock). */
export function isCurrent(freshness: Freshness): boolean {
  return freshness.state === 'live' || (freshness.state === 'syncing' && !freshness.cached)
}

/** Rows that may be drawn as live: confirmed by the last refresh, or a first sync's pages as they arrive. */
export function looksLive(freshness: Freshness): boolean {
  return isCurrent(freshness) || (freshness.state === 'never-synced' && freshness.syncing && freshness.error === null)
}

/** A first sync's rows are shown as they arrive: the list (and every count of it) is not the whole fleet yet. */
export function isIncomplete(freshness: Freshness): boolean {
  return freshness.state === 'never-synced' && freshness.chargersSoFar > 0
}

/** A failure in plain words, for the headline of the window's line and the tray; the error's message is the detail. */
export function failureHeadline(code: string): string {
  switch (code) {
    case 'unreachable':
      return "Can't reach Plugchoice"
    case 'timeout':
      return 'No answer from Plugchoice'
    case 'server-error':
      return 'Plugchoice has a server problem'
    case 'rate-limited':
      return 'Plugchoice asked the app to slow down'
    case 'forbidden':
      return 'Plugchoice refused access'
    case 'invalid-response':
    case 'foreign-link':
      return 'Plugchoice sent an answer the app cannot use'
    case APP_UNREACHABLE:
      return 'Lost contact with the app'
    default:
      return 'The refresh failed'
  }
}

/** "staying within your Plugchoice rate limit": why a refresh or a page waits for the request budget. */
export const RATE_LIMIT_REASON = 'staying within your Plugchoice rate limit'
