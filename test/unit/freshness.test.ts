// The one freshness state (shared/freshness.ts), and the tray and the window saying the same thing about it in
// every combination of sign-in, data source, sync state and last error the app can be in.
import { describe, expect, it } from 'vitest'
import {
  AuthStatusSchema,
  FleetStatusSchema,
  idleSyncStatus,
  type AuthStatus,
  type FleetStatus,
  type SyncStatus,
} from '@shared/app-schemas'
import { emptyCounts } from '@shared/fleet-health'
import { createFormat } from '@shared/format'
import { freshnessOf, isCachedList, isCurrent, type FreshnessState } from '@shared/freshness'
import { trayView } from '@main/tray/tray-policy'
import { freshnessOf as freshnessLine } from '@renderer/lib/freshness'

const NOW = Date.parse('2026-03-10T14:30:00Z')
const FETCHED = '2026-03-10T14:05:00Z'
const utc = createFormat({ locale: 'en-GB', timeZone: 'UTC' })
const failure = { code: 'unreachable', message: 'Cannot reach Plugchoice.' }

const auth = (state: AuthStatus['state']): AuthStatus =>
  AuthStatusSchema.parse({
    state,
    account: { uuid: 'acc', name: null, email: null },
    tokenSaved: true,
    keychain: { available: true, reason: null },
    message: null,
  })

/** A status as FleetApp builds it: `stale` follows from the source and the last error. */
function fleet(source: FleetStatus['source'], sync: Partial<SyncStatus>): FleetStatus {
  const status = { ...idleSyncStatus(), ...sync }
  return FleetStatusSchema.parse({
    source,
    accountUuid: source === 'none' ? null : 'acc',
    fetchedAt: source === 'none' ? null : FETCHED,
    revision: 1,
    total: source === 'none' ? 0 : 3,
    stale: isCachedList(source, status.lastError),
    sync: status,
    poll: { intervalMs: 60_000, effectiveIntervalMs: 60_000, description: 'every 1 min', running: true },
    notice: null,
  })
}

interface Case {
  name: string
  auth: AuthStatus
  fleet: FleetStatus
}

const cases: Case[] = []
for (const authState of ['signed-in', 'demo', 'token-rejected'] as const)
  for (const source of ['none', 'cache', 'live'] as const)
    for (const syncState of ['idle', 'syncing', 'error'] as const)
      for (const lastError of [null, failure]) {
        if (syncState === 'error' && lastError === null) continue
        cases.push({
          name: `${authState}, ${source}, ${syncState}${lastError ? ', last refresh failed' : ''}`,
          auth: auth(authState),
          fleet: fleet(source, { state: syncState, lastError, pagesRead: syncState === 'syncing' ? 2 : 0 }),
        })
      }

function shown(c: Case) {
  const tray = trayView(
    {
      auth: c.auth,
      fleet: c.fleet,
      counts: emptyCounts(),
      problems: [],
      notificationsPausedUntil: null,
      now: NOW,
    },
    utc,
  )
  const line = freshnessLine(c.fleet, NOW, c.auth, utc)
  return { tray, line }
}

describe('one freshness state', () => {
  it.each<[string, FleetStatus, AuthStatus, FreshnessState]>([
    ['a fleet read by the last refresh', fleet('live', {}), auth('signed-in'), 'live'],
    ['a sync under way', fleet('live', { state: 'syncing' }), auth('signed-in'), 'syncing'],
    ['the offline copy before the first refresh', fleet('cache', {}), auth('signed-in'), 'cached'],
    ['a refresh that failed', fleet('live', { state: 'error', lastError: failure }), auth('signed-in'), 'cached'],
    [
      'a rejected token',
      fleet('live', { state: 'error', lastError: failure }),
      auth('token-rejected'),
      'token-rejected',
    ],
    ['nothing read yet', fleet('none', {}), auth('signed-in'), 'never-synced'],
  ])('%s is %s', (_, status, who, state) => {
    expect(freshnessOf(status, who).state).toBe(state)
  })

  it('calls only live data, or a sync over live data, current', () => {
    expect(isCurrent(freshnessOf(fleet('live', {}), auth('demo')))).toBe(true)
    expect(isCurrent(freshnessOf(fleet('live', { state: 'syncing' }), auth('demo')))).toBe(true)
    expect(isCurrent(freshnessOf(fleet('cache', { state: 'syncing' }), auth('demo')))).toBe(false)
    expect(isCurrent(freshnessOf(fleet('live', { state: 'syncing', lastError: failure }), auth('demo')))).toBe(false)
  })
})

describe('the tray and the window agree', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const { tray, line } = shown(c)
    const freshness = freshnessOf(c.fleet, c.auth)

    // Both present the data as current exactly when the shared state says so.
    const trayCurrent = tray.image !== 'stale' && tray.image !== 'signed-out' && tray.tooltip.includes('updated')
    const windowCurrent =
      line.fetchedAt !== null && (line.tone === 'fresh' || (line.tone === 'syncing' && !line.text.includes('cached')))
    expect(trayCurrent).toBe(isCurrent(freshness))
    expect(windowCurrent).toBe(isCurrent(freshness))

    if (freshness.state === 'never-synced') {
      // No data: neither shows a time the data is from.
      expect(tray.tooltip).toMatch(/no data yet|still loading|not fully loaded/)
      expect(line.text).not.toMatch(/Updated|cached/)
    } else if (freshness.state === 'token-rejected') {
      expect(tray.image).toBe('signed-out')
      expect(tray.tooltip).toContain('token rejected')
      // The list (if any) is from before the token was rejected: cached, never live.
      expect(line.text).toMatch(freshness.fetchedAt === null ? /^Not synced yet$/ : /cached data from 14:05/)
    } else if (!isCurrent(freshness)) {
      // Not confirmed by the last refresh: both say "cached", with the time of the data.
      expect(tray.tooltip).toContain('cached from 14:05')
      // With a failure the window's line leads with it in plain words, then the data's time and age.
      expect(line.text).toMatch(
        freshness.state !== 'live' && freshness.error
          ? /^Can't reach Plugchoice — showing data from 14:05, 25 min old\./
          : /cached data from 14:05/,
      )
    }
  })
})
