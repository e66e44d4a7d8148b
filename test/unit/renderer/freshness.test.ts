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

const at = (iso: string) => formatClock(Date.parse(iso), now)
const from = formatClock(Date.parse(fetchedAt), now)
const unreachable = {
  code: 'unreachable',
  message: 'Cannot reach Plugchoice: the connection was refused (ECONNREFUSED) at 127.0.0.1:5999.',
}

describe('the freshness line', () => {
  it('says how old live data is', () => {
    expect(freshnessOf(status(), now)).toMatchObject({ text: 'Updated 4 min ago', tone: 'fresh', detail: null })
  })

  it('keeps the data time on screen during a sync', () => {
    expect(freshnessOf(status({}, { state: 'syncing', pagesRead: 7, chargersRead: 175 }), now).text).toBe(
      `Syncing… page 7, 175 chargers · showing data from ${from}`,
    )
    expect(freshnessOf(status({}, { state: 'syncing' }), now).text).toBe(`Syncing… · showing data from ${from}`)
  })

  it('says when a refresh held back for the rate limit runs, and why', () => {
    const line = freshnessOf(status({}, { refreshAt: '2026-03-03T14:10:30Z' }), now)
    expect(line.text).toBe(
      `Updated 4 min ago · Refreshing at ${at('2026-03-03T14:10:30Z')} — staying within your Plugchoice rate limit`,
    )
  })

  it('after a failed refresh says so in plain words, with the data age and the retry; the detail is separate', () => {
    const line = freshnessOf(status({ stale: true }, { state: 'error', lastError: unreachable }), now)
    expect(line.tone).toBe('error')
    expect(line.text).toBe(
      `Can't reach Plugchoice — showing data from ${from}, 4 min old. Retrying at ${at(nextSyncAt)}.`,
    )
    expect(line.detail).toContain('ECONNREFUSED')
    expect(line.text).not.toContain('ECONNREFUSED')
  })

  it('says a failed attempt at once, while the sync waits to try the page again', () => {
    const retryAt = '2026-03-03T14:09:02Z'
    const line = freshnessOf(
      status({}, { state: 'syncing', lastError: unreachable, waiting: { reason: 'retry', until: retryAt } }),
      now,
    )
    expect(line).toMatchObject({
      tone: 'error',
      text: `Can't reach Plugchoice — showing data from ${from}, 4 min old. Retrying at ${at(retryAt)}.`,
    })
  })

  it('says a pause for the rate budget in words, with the time it resumes', () => {
    const until = '2026-03-03T14:10:00Z'
    const line = freshnessOf(status({}, { state: 'syncing', waiting: { reason: 'rate-budget', until } }), now)
    expect(line.text).toBe(
      `Syncing… · paused until ${at(until)}, staying within your Plugchoice rate limit · showing data from ${from}`,
    )
  })

  it('labels a fleet loaded from the cache as cached, also while a sync runs', () => {
    expect(freshnessOf(status({ source: 'cache', stale: true }), now).text).toMatch(
      /^Showing cached data from .*, updated 4 min ago$/,
    )
    expect(
      freshnessOf(status({ source: 'cache', stale: true }, { state: 'syncing', pagesRead: 1, chargersRead: 25 }), now)
        .text,
    ).toBe(`Syncing… page 1, 25 chargers · showing cached data from ${from}`)
  })

  it('counts the rows of a first sync so far', () => {
    const partial = { source: 'partial' as const, fetchedAt: null, total: 1_700 }
    expect(freshnessOf(status(partial, { state: 'syncing', pagesRead: 68 }), now)).toMatchObject({
      text: 'Loading your fleet… 1,700 chargers so far',
      tone: 'syncing',
    })
    expect(freshnessOf(status(partial, { state: 'error', lastError: unreachable }), now).text).toBe(
      `Can't reach Plugchoice — showing the 1,700 chargers so far, not the whole fleet. Retrying at ${at(nextSyncAt)}.`,
    )
  })

  it('stops the spinner and calls the list stale when the window loses the app', () => {
    const link = { connected: false, lostMessage: 'Lost contact with the app. Reconnecting…' }
    const line = freshnessOf(status({}, { state: 'syncing' }), now, null, systemFormat(), link)
    expect(line.tone).toBe('error')
    expect(line.text).toBe(`Lost contact with the app — showing data from ${from}, 4 min old.`)
  })

  it('explains a first sync that failed with nothing to show', () => {
    const line = freshnessOf(
      status(
        { source: 'none', fetchedAt: null, stale: true },
        { state: 'error', lastError: { code: 'timeout', message: 'Plugchoice did not answer in time.' } },
      ),
      now,
    )
    expect(line.text).toBe(
      `No answer from Plugchoice — the fleet could not be read yet. Retrying at ${at(nextSyncAt)}.`,
    )
  })
})
