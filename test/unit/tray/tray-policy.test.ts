import { describe, expect, it } from 'vitest'
import {
  AuthStatusSchema,
  FleetStatusSchema,
  idleSyncStatus,
  type AuthStatus,
  type FleetStatus,
} from '@shared/app-schemas'
import { withFacts, type FleetCharger } from '@shared/charger-facts'
import { countBuckets } from '@shared/fleet-health'
import { createFormat } from '@shared/format'
import { ChargerSchema, type Charger } from '@shared/plugchoice-schemas'
import { pickProblems, trayView, type TrayState } from '@main/tray/tray-policy'
import { DEFAULT_SORT, sortChargers } from '@renderer/lib/fleet-query'
import type { TrayMenuItem } from '@main/tray/tray-view'

const utc = createFormat({ locale: 'en-GB', timeZone: 'UTC' })
const NOW = Date.parse('2026-03-10T14:30:00Z')
const MIN = 60_000

let serial = 0
function charger(fields: Partial<Charger> = {}): FleetCharger {
  serial++
  const record = ChargerSchema.parse({
    uuid: `c-${serial}`,
    identity: `EVB-${serial}`,
    connection_status: 'online',
    status: 'Available',
    error: 'NoError',
    ...fields,
  })
  return withFacts([record], { now: NOW, format: utc })[0]!
}
const offline = (minutesAgo: number | null, fields: Partial<Charger> = {}) =>
  charger({
    connection_status: 'offline',
    last_disconnection_at: minutesAgo === null ? null : new Date(NOW - minutesAgo * MIN).toISOString(),
    ...fields,
  })
const faulted = (fields: Partial<Charger> = {}) => charger({ status: 'Faulted', error: 'GroundFailure', ...fields })
const attention = (fields: Partial<Charger> = {}) => charger({ status: 'Unavailable', ...fields })
const neverSeen = (fields: Partial<Charger> = {}) =>
  charger({ connection_status: 'never_seen', status: null, ...fields })

function auth(fields: Partial<AuthStatus> = {}): AuthStatus {
  return AuthStatusSchema.parse({
    state: 'signed-in',
    account: { uuid: 'acc-1', name: 'Installer', email: 'i@example.com' },
    tokenSaved: true,
    keychain: { available: true, reason: null },
    message: null,
    ...fields,
  })
}

function fleetStatus(fields: Partial<FleetStatus> = {}, sync: Partial<FleetStatus['sync']> = {}): FleetStatus {
  return FleetStatusSchema.parse({
    source: 'live',
    accountUuid: 'acc-1',
    fetchedAt: '2026-03-10T14:05:00Z',
    revision: 3,
    total: 0,
    stale: false,
    notice: null,
    sync: { ...idleSyncStatus(), ...sync },
    poll: { intervalMs: 60_000, effectiveIntervalMs: 60_000, description: 'every 1 min', running: true },
    ...fields,
  })
}

function state(
  chargers: FleetCharger[],
  overrides: {
    auth?: Partial<AuthStatus>
    fleet?: Partial<FleetStatus>
    sync?: Partial<FleetStatus['sync']>
    pausedUntil?: string | null
  } = {},
): TrayState {
  return {
    auth: auth(overrides.auth),
    fleet: fleetStatus({ total: chargers.length, ...overrides.fleet }, overrides.sync),
    counts: countBuckets(chargers),
    problems: pickProblems(chargers),
    notificationsPausedUntil: overrides.pausedUntil ?? null,
    now: NOW,
  }
}

const healthy = (n: number) => Array.from({ length: n }, () => charger())

function labels(items: TrayMenuItem[]): string[] {
  return items.map((item) => (item.kind === 'separator' ? '---' : item.label))
}
function find(items: TrayMenuItem[], label: string | RegExp): TrayMenuItem {
  const item = items.find(
    (i) => i.kind !== 'separator' && (typeof label === 'string' ? i.label === label : label.test(i.label)),
  )
  if (!item) throw new Error(`no menu item ${label} in ${labels(items).join(' | ')}`)
  return item
}

describe('tray tooltip', () => {
  it('reads like the design: total, non-zero problem counts, update time', () => {
    const fleet = [...healthy(39), offline(30), offline(90), faulted()]
    expect(trayView(state(fleet), utc).tooltip).toBe(
      'Plugchoice Fleet — 42 chargers · 2 offline · 1 fault · updated 14:05',
    )
  })

  it('leaves out zero counts and names the other problem buckets', () => {
    expect(trayView(state(healthy(12)), utc).tooltip).toBe('Plugchoice Fleet — 12 chargers · updated 14:05')
    const fleet = [...healthy(3), neverSeen(), attention(), attention()]
    expect(trayView(state(fleet), utc).tooltip).toBe(
      'Plugchoice Fleet — 6 chargers · 1 never connected · 2 need attention · updated 14:05',
    )
  })

  it('uses singular and thousands separators', () => {
    expect(trayView(state([faulted()]), utc).tooltip).toBe('Plugchoice Fleet — 1 charger · 1 fault · updated 14:05')
    const big = state(healthy(2), { fleet: { total: 8000 } })
    expect(trayView(big, utc).tooltip).toBe('Plugchoice Fleet — 8,000 chargers · updated 14:05')
  })

  it('says the data is cached and why when the last refresh failed', () => {
    const view = trayView(
      state([...healthy(40), offline(5), faulted()], {
        fleet: { stale: true },
        sync: { state: 'error', lastError: { code: 'unreachable', message: 'Cannot reach Plugchoice' } },
      }),
      utc,
    )
    expect(view.tooltip).toBe(
      "Plugchoice Fleet — 42 chargers · 1 offline · 1 fault · cached from 14:05 — Can't reach Plugchoice",
    )
  })

  it('says signed out, and why when the token was rejected', () => {
    expect(trayView(state(healthy(3), { auth: { state: 'signed-out', account: null } }), utc).tooltip).toBe(
      'Plugchoice Fleet — signed out',
    )
    expect(
      trayView(state(healthy(3), { auth: { state: 'token-rejected' }, fleet: { stale: true } }), utc).tooltip,
    ).toBe('Plugchoice Fleet — signed out: token rejected')
  })

  it('gives the day when the data is not from today', () => {
    const view = trayView(
      state(healthy(2), { fleet: { fetchedAt: '2026-03-08T09:15:00Z', source: 'cache', stale: true } }),
      utc,
    )
    expect(view.tooltip).toBe('Plugchoice Fleet — 2 chargers · cached from 8 Mar 09:15')
  })

  it('formats the time in the zone it is given', () => {
    const amsterdam = createFormat({ locale: 'en-GB', timeZone: 'Europe/Amsterdam' })
    expect(trayView(state(healthy(1)), amsterdam).tooltip).toBe('Plugchoice Fleet — 1 charger · updated 15:05')
  })

  it('says when notifications are paused, even when a problem takes the icon', () => {
    const view = trayView(state([offline(20)], { pausedUntil: '2026-03-10T18:30:00Z' }), utc)
    expect(view.image).toBe('problem')
    expect(view.tooltip).toBe(
      'Plugchoice Fleet — 1 charger · 1 offline · updated 14:05 · notifications paused until 18:30',
    )
  })

  it('stays within the Windows tooltip limit, giving up the mild counts, then the pause end, never offline/fault', () => {
    const crowded = (pausedUntil: string | null) =>
      trayView(
        state([offline(5), faulted(), neverSeen(), attention()], {
          fleet: { total: 12_345, stale: true, fetchedAt: '2026-03-01T09:15:00Z' },
          sync: { state: 'error', lastError: { code: 'timeout', message: 'x' } },
          pausedUntil,
        }),
        utc,
      ).tooltip
    expect(crowded(null)).toBe(
      'Plugchoice Fleet — 12,345 chargers · 1 offline · 1 fault · cached from 1 Mar 09:15 — No answer from Plugchoice',
    )
    const paused = crowded('2026-03-11T08:00:00Z')
    expect(paused).toBe(
      'Plugchoice Fleet — 12,345 chargers · 1 offline · 1 fault · cached from 1 Mar 09:15 — No answer from Plugchoice · alerts paused',
    )
    expect(paused.length).toBeLessThanOrEqual(127)
  })

  it('cuts what still does not fit', () => {
    const view = trayView(
      state([offline(5), faulted()], {
        fleet: { total: 123_456_789, stale: true, fetchedAt: '2026-03-01T09:15:00Z' },
        sync: { state: 'error', lastError: { code: 'invalid-response', message: 'x' } },
        pausedUntil: '2026-03-11T08:00:00Z',
      }),
      utc,
    )
    expect(view.tooltip).toHaveLength(127)
    expect(view.tooltip.endsWith('…')).toBe(true)
    expect(view.tooltip).toContain('1 offline · 1 fault')
  })

  it('says what it is doing before the first data arrives', () => {
    const none = { source: 'none' as const, fetchedAt: null, total: 0 }
    expect(trayView(state([], { fleet: none, sync: { state: 'syncing' } }), utc).tooltip).toBe(
      'Plugchoice Fleet — still loading your chargers…',
    )
    expect(
      trayView(
        state([], { fleet: none, sync: { state: 'error', lastError: { code: 'unreachable', message: 'x' } } }),
        utc,
      ).tooltip,
    ).toBe("Plugchoice Fleet — no data yet — Can't reach Plugchoice")
  })

  it('says a first sync is still loading, with the chargers read so far, and offers no refresh meanwhile', () => {
    const partial = { source: 'partial' as const, fetchedAt: null, total: 1_700 }
    const view = trayView(state([offline(3)], { fleet: partial, sync: { state: 'syncing' } }), utc)
    expect(view.tooltip).toBe('Plugchoice Fleet — still loading your chargers… (1,700 chargers so far)')
    // Counts of a list still arriving are not a fleet's: no "1 offline" in the summary, no problem icon.
    expect(view.image).toBe('stale')
    const refresh = view.menu.find((item) => item.kind === 'item' && item.action?.type === 'refresh')
    expect(refresh).toMatchObject({ label: 'Refreshing…', enabled: false })
  })

  it('says when a refresh held back for the rate limit will run', () => {
    const view = trayView(state(healthy(2), { sync: { refreshAt: '2026-03-10T14:43:00Z' } }), utc)
    const refresh = view.menu.find((item) => item.kind === 'item' && item.action?.type === 'refresh')
    expect(refresh).toMatchObject({ label: 'Refreshing at 14:43', enabled: false })
  })

  it('marks the demo fleet', () => {
    expect(trayView(state(healthy(2), { auth: { state: 'demo', account: null } }), utc).tooltip).toBe(
      'Plugchoice Fleet (demo) — 2 chargers · updated 14:05',
    )
  })
})

describe('tray image', () => {
  it.each<[string, () => TrayState, string]>([
    ['all OK', () => state(healthy(5)), 'ok'],
    [
      'in use and unknown are not problems',
      () => state([charger({ status: 'Charging' }), charger({ status: 'Weird' })]),
      'ok',
    ],
    ['attention', () => state([...healthy(5), attention()]), 'attention'],
    ['never connected', () => state([...healthy(5), neverSeen()]), 'attention'],
    ['offline', () => state([...healthy(5), attention(), offline(3)]), 'problem'],
    ['fault', () => state([...healthy(5), neverSeen(), faulted()]), 'problem'],
    ['stale cache', () => state([faulted()], { fleet: { source: 'cache', stale: true } }), 'stale'],
    [
      'last refresh failed',
      () => state(healthy(2), { sync: { state: 'error', lastError: { code: 'server-error', message: 'x' } } }),
      'stale',
    ],
    ['no data yet', () => state([], { fleet: { source: 'none', fetchedAt: null } }), 'stale'],
    ['signed out', () => state([], { auth: { state: 'signed-out', account: null } }), 'signed-out'],
    [
      'token rejected over a stale fleet',
      () => state([offline(2)], { auth: { state: 'token-rejected' }, fleet: { stale: true } }),
      'signed-out',
    ],
    ['paused and OK', () => state(healthy(3), { pausedUntil: '2026-03-10T15:30:00Z' }), 'paused'],
    ['paused but attention', () => state([attention()], { pausedUntil: '2026-03-10T15:30:00Z' }), 'attention'],
    ['a pause that has ended', () => state(healthy(3), { pausedUntil: '2026-03-10T14:00:00Z' }), 'ok'],
  ])('%s → %s', (_, make, image) => {
    expect(trayView(make(), utc).image).toBe(image)
  })
})

describe('tray menu', () => {
  it('says what happened since the user last looked, right under the summary, and opens the window on a click', () => {
    const line = 'Since you last looked: 3 went offline, 2 came back'
    const menu = trayView({ ...state(healthy(2)), sinceLastLooked: line }, utc).menu
    expect(labels(menu).slice(0, 2)).toEqual(['2 chargers · updated 14:05', line])
    expect(find(menu, line)).toMatchObject({ enabled: true, action: { type: 'open-window' } })
    expect(labels(trayView({ ...state(healthy(2)), sinceLastLooked: null }, utc).menu)).not.toContain(line)
  })

  it('has the summary, the problems, refresh, pause, open and quit, in that order', () => {
    const a = offline(180, { reference: 'Garage' })
    const b = faulted({ reference: 'Shop' })
    const menu = trayView(state([...healthy(3), a, b]), utc).menu
    expect(labels(menu)).toEqual([
      '5 chargers · 1 offline · 1 fault · updated 14:05',
      '---',
      `Garage (${a.identity}) — Offline for 3 h`,
      `Shop (${b.identity}) — Fault: GroundFailure`,
      '---',
      'Refresh now',
      'Pause notifications',
      '---',
      'Open Plugchoice Fleet',
      'Quit',
    ])
    expect(menu[0]).toMatchObject({ kind: 'item', enabled: false, action: null })
    expect(find(menu, /^Garage/)).toMatchObject({ enabled: true, action: { type: 'show-charger', uuid: a.uuid } })
    expect(find(menu, 'Refresh now')).toMatchObject({ enabled: true, action: { type: 'refresh' } })
    expect(find(menu, 'Open Plugchoice Fleet')).toMatchObject({ action: { type: 'open-window' } })
    expect(find(menu, 'Quit')).toMatchObject({ action: { type: 'quit' } })
  })

  it('lists at most five problem chargers and says how many more there are', () => {
    const fleet = [
      ...Array.from({ length: 4 }, (_, i) => offline(10 + i)),
      ...Array.from({ length: 4 }, () => faulted()),
    ]
    const menu = trayView(state(fleet), utc).menu
    expect(menu.filter((item) => item.kind === 'item' && item.action?.type === 'show-charger')).toHaveLength(5)
    expect(find(menu, '…and 3 more')).toMatchObject({ action: { type: 'open-window' } })
  })

  it('offers pause for 1 hour, 4 hours and until tomorrow', () => {
    const pause = find(trayView(state(healthy(1)), utc).menu, 'Pause notifications')
    expect(pause.kind).toBe('submenu')
    if (pause.kind !== 'submenu') return
    expect(pause.items).toEqual([
      { kind: 'item', label: 'For 1 hour', enabled: true, action: { type: 'pause-notifications', until: 'hour' } },
      {
        kind: 'item',
        label: 'For 4 hours',
        enabled: true,
        action: { type: 'pause-notifications', until: 'four-hours' },
      },
      {
        kind: 'item',
        label: 'Until tomorrow',
        enabled: true,
        action: { type: 'pause-notifications', until: 'tomorrow' },
      },
    ])
  })

  it('says until when notifications are paused and offers to resume', () => {
    const menu = trayView(state(healthy(1), { pausedUntil: '2026-03-11T07:00:00Z' }), utc).menu
    const pause = find(menu, 'Notifications paused until 11 Mar 07:00')
    if (pause.kind !== 'submenu') throw new Error('not a submenu')
    expect(pause.items[0]).toEqual({
      kind: 'item',
      label: 'Resume notifications',
      enabled: true,
      action: { type: 'resume-notifications' },
    })
  })

  it('cannot refresh while signed out or while a refresh runs', () => {
    const signedOut = trayView(state([], { auth: { state: 'token-rejected' } }), utc).menu
    expect(labels(signedOut)[0]).toBe('Signed out: token rejected')
    expect(find(signedOut, 'Refresh now')).toMatchObject({ enabled: false })
    const syncing = trayView(state(healthy(2), { sync: { state: 'syncing' } }), utc).menu
    expect(find(syncing, 'Refreshing…')).toMatchObject({ enabled: false })
  })

  it('says when the token is only held for this session', () => {
    const menu = trayView(
      state(healthy(2), {
        auth: { tokenSaved: false, keychain: { available: false, reason: 'the keyring is locked' } },
      }),
      utc,
    ).menu
    expect(labels(menu)[1]).toBe('Token not saved: the system keychain is unavailable (the keyring is locked)')
  })

  it('says why each problem charger is listed, in the words of its derived facts', () => {
    const blocked = attention({ status: 'Available', blocked: true })
    const setup = attention({ status: 'Available', setup_completed: false })
    const vendor = faulted({ vendor_error_code: '210' })
    const never = neverSeen()
    const items = trayView(state([blocked, setup, vendor, never]), utc).menu.filter(
      (item) => item.kind === 'item' && item.action?.type === 'show-charger',
    )
    expect(labels(items)).toEqual([
      `${never.identity} — Never connected`,
      `${vendor.identity} — Fault: GroundFailure · vendor code 210`,
      `${blocked.identity} — Attention: Blocked`,
      `${setup.identity} — Attention: Setup not completed`,
    ])
  })

  it('shortens very long charger names', () => {
    const long = offline(1, { reference: 'R'.repeat(200) })
    const item = trayView(state([long]), utc).menu.find((i) => i.kind === 'item' && i.action?.type === 'show-charger')
    expect(item?.kind === 'item' && item.label.length).toBeLessThan(80)
  })
})

describe('pickProblems', () => {
  it('puts the worst bucket first, then the newest outage, and leaves healthy chargers out', () => {
    const recent = offline(5)
    const longest = offline(600)
    const unknownSince = offline(null)
    const fault = faulted()
    const never = neverSeen()
    const att = attention()
    const picked = pickProblems(
      [charger(), att, recent, fault, charger({ status: 'Charging' }), unknownSince, never, longest],
      10,
    )
    expect(picked.map((c) => c.uuid)).toEqual([recent, longest, unknownSince, never, fault, att].map((c) => c.uuid))
  })

  it('names the chargers at the top of the list sorted by health, in the same order', () => {
    const fleet = [
      offline(30, { identity: 'EVB-10' }),
      offline(30, { identity: 'EVB-2' }),
      offline(2),
      faulted({ identity: 'F-1' }),
      attention(),
      charger(),
      ...healthy(3),
    ]
    const list = sortChargers(fleet, DEFAULT_SORT)
    expect(pickProblems(fleet).map((c) => c.uuid)).toEqual(list.slice(0, 5).map((c) => c.uuid))
    // Ties by identity in natural order, as the list sorts them.
    expect(
      pickProblems(fleet)
        .map((c) => c.identity)
        .slice(1, 3),
    ).toEqual(['EVB-2', 'EVB-10'])
  })

  it('returns at most the limit, five by default', () => {
    const fleet = Array.from({ length: 9 }, (_, i) => offline(i + 1))
    expect(pickProblems(fleet)).toHaveLength(5)
    expect(pickProblems(fleet)[0]?.uuid).toBe(fleet[0]?.uuid)
    expect(pickProblems(fleet, 2)).toHaveLength(2)
    expect(pickProblems(healthy(4))).toEqual([])
  })
})
