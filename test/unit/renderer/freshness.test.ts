import { describe, expect, it } from 'vitest'
import { idleSyncStatus, type FleetStatus } from '@shared/app-schemas'
import { freshnessOf } from '@renderer/lib/freshness'
import { systemFormat } from '@shared/format'

const formatClock = (at: number, now: number) => systemFormat().clock(at, now)

const now = Date.parse('2026-03-03T14:09:00Z')
const fetchedAt = '2026-03-03T14:05:00Z'
const nextSyncAt = '2026-03-03T14:11:00Z'

const status = (patch: Partial<FleetStatus> = {}, sync: Partial<FleetStatus['sync']> = {}): FleetStatus => ({
  source: 'live',
  accountUuid: 'acc',
  fetchedAt,
  revision: 3,
  total: 42,
  stale: false,
  poll: { intervalMs: 60_000, effectiveIntervalMs: 60_000, description: 'every 1 min', running: true },
  notice: null,
  ...patch,
  sync: { ...idleSyncStatus(), lastAttemptAt: fetchedAt, lastSuccessAt: fetchedAt, nextSyncAt, ...sync },
})

describe('the freshness line', () => {
  it('says how old live data is', () => {
    expect(freshnessOf(status(), now)).toMatchObject({ text: 'Updated 4 min ago', tone: 'fresh' })
  })

  it('shows sync progress', () => {
    expect(freshnessOf(status({}, { state: 'syncing', pagesRead: 7, chargersRead: 175 }), now).text).toBe(
      'Syncing… page 7, 175 chargers',
    )
  })

  it('after a failed refresh says the data is cached, why, and when it retries', () => {
    const line = freshnessOf(
      status(
        { stale: true },
        { state: 'error', lastError: { code: 'unreachable', message: 'Cannot reach Plugchoice.' } },
      ),
      now,
    )
    expect(line.tone).toBe('error')
    expect(line.text).toBe(
      `Showing cached data from ${formatClock(Date.parse(fetchedAt), now)}, updated 4 min ago — Cannot reach Plugchoice · next retry ${formatClock(Date.parse(nextSyncAt), now)}`,
    )
  })

  it('labels a fleet loaded from the cache as cached, also while a sync runs', () => {
    expect(freshnessOf(status({ source: 'cache', stale: true }), now).text).toMatch(
      /^Showing cached data from .*, updated 4 min ago$/,
    )
    expect(
      freshnessOf(status({ source: 'cache', stale: true }, { state: 'syncing', pagesRead: 1, chargersRead: 25 }), now)
        .text,
    ).toMatch(/^Syncing… page 1, 25 chargers · Showing cached data/)
  })

  it('explains a first sync that failed with nothing to show', () => {
    const line = freshnessOf(
      status(
        { source: 'none', fetchedAt: null, stale: true },
        { state: 'error', lastError: { code: 'timeout', message: 'Plugchoice did not answer in time.' } },
      ),
      now,
    )
    expect(line.text).toMatch(/^Could not read the fleet — Plugchoice did not answer in time · next retry/)
  })
})
