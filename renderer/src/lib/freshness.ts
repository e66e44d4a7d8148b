// The freshness line under the fleet header. Cached data must never read as live (design.md: stale data is
// labelled), so every variant that shows data not confirmed by the last refresh says "cached".
import type { FleetStatus } from '@shared/app-schemas'
import { formatClock, formatRelative, parseTimestamp } from './time-format'

export type FreshnessTone = 'fresh' | 'syncing' | 'stale' | 'error' | 'none'

export interface Freshness {
  text: string
  tone: FreshnessTone
  /** The exact time of the data, for a tooltip. */
  fetchedAt: number | null
}

const count = new Intl.NumberFormat()

export function formatCount(n: number, noun: string, plural = `${noun}s`): string {
  return `${count.format(n)} ${n === 1 ? noun : plural}`
}

/** "Cannot reach Plugchoice." → "Cannot reach Plugchoice": the line adds its own punctuation. */
function reason(message: string): string {
  return message.trim().replace(/[.\s]+$/, '')
}

export function freshnessOf(status: FleetStatus | null, now: number): Freshness {
  if (!status) return { text: 'Loading…', tone: 'none', fetchedAt: null }
  const { sync } = status
  const fetchedAt = parseTimestamp(status.fetchedAt)
  const cachedFrom =
    fetchedAt === null
      ? null
      : `Showing cached data from ${formatClock(fetchedAt, now)}, updated ${formatRelative(fetchedAt, now)}`
  const isCached = status.stale || status.source === 'cache'

  if (sync.state === 'syncing') {
    const progress =
      sync.pagesRead > 0 ? `Syncing… page ${sync.pagesRead}, ${formatCount(sync.chargersRead, 'charger')}` : 'Syncing…'
    return {
      text: isCached && cachedFrom ? `${progress} · ${cachedFrom}` : progress,
      tone: 'syncing',
      fetchedAt,
    }
  }

  const nextAt = parseTimestamp(sync.nextSyncAt)
  const retry = nextAt === null ? '' : ` · next retry ${formatClock(nextAt, now)}`
  const failure = sync.lastError ? reason(sync.lastError.message) : null

  if (fetchedAt === null) {
    if (failure) return { text: `Could not read the fleet — ${failure}${retry}`, tone: 'error', fetchedAt }
    return { text: 'Not synced yet', tone: 'none', fetchedAt }
  }
  if (isCached && cachedFrom) {
    return failure && (sync.state === 'error' || status.stale)
      ? { text: `${cachedFrom} — ${failure}${retry}`, tone: 'error', fetchedAt }
      : { text: cachedFrom, tone: 'stale', fetchedAt }
  }
  return { text: `Updated ${formatRelative(fetchedAt, now)}`, tone: 'fresh', fetchedAt }
}
