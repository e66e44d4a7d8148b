import { beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '@shared/app-schemas'
import { withFacts, type FleetCharger } from '@shared/charger-facts'
import { fleetTransitions } from '@shared/fleet-health'
import { createFormat } from '@shared/format'
import { ChargerSchema, type Charger } from '@shared/plugchoice-schemas'
import {
  NotificationPolicy,
  type NotificationSettings,
  type NotificationSpec,
} from '@main/notifications/notification-policy'

const MIN = 60_000
const START = Date.parse('2026-03-10T14:00:00Z')
const utc = createFormat({ locale: 'en-GB', timeZone: 'UTC' })

function charger(n: number, fields: Partial<Charger> = {}): FleetCharger {
  const record = ChargerSchema.parse({
    uuid: `c-${n}`,
    identity: `EVB-${n}`,
    connection_status: 'online',
    status: 'Available',
    error: 'NoError',
    ...fields,
  })
  return withFacts([record], { now: START, format: utc })[0]!
}
const online = (n: number) => charger(n)
const offlineSince = (n: number, at: number) =>
  charger(n, { connection_status: 'offline', last_disconnection_at: new Date(at).toISOString() })
const faulted = (n: number, fields: Partial<Charger> = {}) =>
  charger(n, { status: 'Faulted', error: 'GroundFailure', vendor_error_code: 'E42', ...fields })

/**
 * Drives the policy the way the app does: a sync replaces the fleet and hands the transitions over; the
 * app's timer calls due() at nextDueAt(). `at` moves the clock, running any timer that falls due on the way.
 */
class Harness {
  policy = new NotificationPolicy({ format: utc })
  fleet: FleetCharger[]
  now = START
  settings: NotificationSettings = { ...DEFAULT_SETTINGS }
  shown: NotificationSpec[] = []

  constructor(fleet: FleetCharger[]) {
    this.fleet = fleet
  }

  /** Advances the clock to `time`, firing the notification timer whenever it is due. */
  at(time: number): this {
    for (;;) {
      const due = this.policy.nextDueAt()
      if (due === null || due > time) break
      this.now = Math.max(this.now, due)
      this.shown.push(...this.policy.due(this.now, this.fleet, this.settings))
    }
    this.now = time
    return this
  }

  sync(next: FleetCharger[]): NotificationSpec[] {
    const transitions = fleetTransitions(this.fleet, next)
    this.fleet = next
    const specs = this.policy.onSync(transitions, this.fleet, this.settings, this.now)
    this.shown.push(...specs)
    return specs
  }
}

let h: Harness
beforeEach(() => {
  h = new Harness([online(1), online(2), online(3), online(4), online(5), online(6)])
})

describe('went offline: debounced by the delay setting', () => {
  it('says nothing at the sync that sees it go, and tells once the delay has passed', () => {
    h.at(START + 1 * MIN)
    expect(h.sync([offlineSince(1, START + 30_000), ...h.fleet.slice(1)])).toEqual([])
    expect(h.policy.nextDueAt()).toBe(START + 30_000 + 10 * MIN)

    // Polls in between, nothing changes, nothing is said.
    h.at(START + 2 * MIN)
    expect(h.sync([...h.fleet])).toEqual([])
    h.at(START + 10 * MIN)
    expect(h.shown).toEqual([])

    h.at(START + 11 * MIN)
    expect(h.shown).toEqual([
      { title: 'EVB-1 is offline', body: 'Offline since 14:00 (10 min).', chargerUuid: 'c-1', silent: false },
    ])
    expect(h.policy.nextDueAt()).toBeNull()
    // Once told, later polls of the same offline charger stay quiet.
    h.at(START + 30 * MIN)
    h.sync([...h.fleet])
    expect(h.shown).toHaveLength(1)
  })

  it('says nothing at all for a charger that comes back within the delay', () => {
    h.at(START + 1 * MIN).sync([offlineSince(1, START), ...h.fleet.slice(1)])
    h.at(START + 6 * MIN)
    expect(h.sync([online(1), ...h.fleet.slice(1)])).toEqual([])
    expect(h.policy.nextDueAt()).toBeNull()
    h.at(START + 60 * MIN)
    expect(h.shown).toEqual([])
  })

  it('counts the delay from when it went offline, not from when a slow poll saw it', () => {
    h.at(START + 12 * MIN)
    const specs = h.sync([offlineSince(1, START), ...h.fleet.slice(1)])
    expect(specs).toEqual([
      { title: 'EVB-1 is offline', body: 'Offline since 14:00 (12 min).', chargerUuid: 'c-1', silent: false },
    ])
  })

  it('honours the delay setting, zero meaning at once', () => {
    h.settings = { ...h.settings, offlineNotifyDelayMin: 0 }
    h.at(START + 1 * MIN)
    expect(h.sync([offlineSince(1, START + 1 * MIN), ...h.fleet.slice(1)]).map((s) => s.title)).toEqual([
      'EVB-1 is offline',
    ])
  })

  it('drops a pending one when the charger leaves the account or turns into a fault', () => {
    h.at(START + 1 * MIN).sync([offlineSince(1, START), offlineSince(2, START), ...h.fleet.slice(2)])
    h.at(START + 2 * MIN)
    const specs = h.sync([faulted(2), ...h.fleet.slice(2)])
    expect(specs.map((s) => s.title)).toEqual(['EVB-2 has a fault'])
    h.at(START + 60 * MIN)
    expect(h.shown.map((s) => s.title)).toEqual(['EVB-2 has a fault'])
  })
})

describe('faults and recoveries', () => {
  it('tells a new fault at once, with its codes, and clicking it opens that charger', () => {
    h.at(START + 1 * MIN)
    const specs = h.sync([faulted(1, { error_info: 'Earth leakage', reference: 'Garage' }), ...h.fleet.slice(1)])
    expect(specs).toEqual([
      {
        title: 'Garage (EVB-1) has a fault',
        body: 'GroundFailure · vendor code E42 · Earth leakage',
        chargerUuid: 'c-1',
        silent: false,
      },
    ])
  })

  it('tells quietly when a fault clears', () => {
    h.at(START + 1 * MIN).sync([faulted(1), ...h.fleet.slice(1)])
    h.at(START + 5 * MIN)
    expect(h.sync([charger(1, { status: 'Charging' }), ...h.fleet.slice(1)])).toEqual([
      { title: 'EVB-1: fault cleared', body: 'Now In use.', chargerUuid: 'c-1', silent: true },
    ])
  })

  it('tells quietly when a charger it reported offline is back', () => {
    h.at(START + 1 * MIN).sync([offlineSince(1, START), ...h.fleet.slice(1)])
    h.at(START + 20 * MIN)
    expect(h.shown.map((s) => s.title)).toEqual(['EVB-1 is offline'])
    expect(h.sync([online(1), ...h.fleet.slice(1)])).toEqual([
      { title: 'EVB-1 is back online', body: 'Connected at 14:20; now OK.', chargerUuid: 'c-1', silent: true },
    ])
  })

  it('tells when a new charger connects for the first time', () => {
    h = new Harness([charger(9, { connection_status: 'never_seen', status: null })])
    h.at(START + 3 * MIN)
    expect(h.sync([online(9)]).map((s) => s.title)).toEqual(['EVB-9 connected for the first time'])
  })

  it('ignores chargers added to or removed from the account', () => {
    h.at(START + 1 * MIN)
    expect(h.sync([...h.fleet.slice(1), faulted(7), offlineSince(8, START)])).toEqual([])
    h.at(START + 60 * MIN)
    expect(h.shown).toEqual([])
  })
})

describe('digest', () => {
  it('keeps three at once as three notifications', () => {
    h.at(START + 1 * MIN)
    const specs = h.sync([faulted(1), faulted(2), faulted(3), ...h.fleet.slice(3)])
    expect(specs.map((s) => s.chargerUuid)).toEqual(['c-1', 'c-2', 'c-3'])
  })

  it('turns more than three at once into one digest naming three and counting the rest', () => {
    h.at(START + 1 * MIN).sync([...[1, 2, 3, 4, 5].map((n) => offlineSince(n, START)), online(6)])
    h.at(START + 11 * MIN)
    expect(h.shown).toEqual([
      { title: '5 chargers went offline', body: 'EVB-1, EVB-2, EVB-3 and 2 more', chargerUuid: null, silent: false },
    ])
  })

  it('groups mixed news by kind, trouble first, and is silent only when all of it is good news', () => {
    h.at(START + 1 * MIN).sync([faulted(1), faulted(2), faulted(3), ...h.fleet.slice(3)])
    h.at(START + 2 * MIN)
    const mixed = h.sync([online(1), online(2), online(3), faulted(4), faulted(5), online(6)])
    expect(mixed).toEqual([
      {
        title: '5 chargers changed',
        body: '2 reported a fault: EVB-4, EVB-5\n3 cleared a fault: EVB-1, EVB-2, EVB-3',
        chargerUuid: null,
        silent: false,
      },
    ])
    h.at(START + 3 * MIN)
    h.sync([faulted(1), faulted(2), faulted(3), faulted(4), faulted(5), online(6)])
    h.at(START + 4 * MIN)
    const good = h.sync([online(1), online(2), online(3), online(4), online(5), online(6)])
    expect(good).toEqual([
      { title: '5 chargers cleared a fault', body: 'EVB-1, EVB-2, EVB-3 and 2 more', chargerUuid: null, silent: true },
    ])
  })
})

describe('mute and pause', () => {
  it('never tells about a muted charger, and the others still count alone', () => {
    h.settings = { ...h.settings, mutedChargers: ['c-2'] }
    h.at(START + 1 * MIN)
    const specs = h.sync([faulted(1), faulted(2), faulted(3), faulted(4), ...h.fleet.slice(4)])
    // Four changed, one is muted: three individual notifications, not a digest.
    expect(specs.map((s) => s.chargerUuid)).toEqual(['c-1', 'c-3', 'c-4'])
    h.sync([offlineSince(2, START + MIN), ...h.fleet.slice(1)])
    h.at(START + 60 * MIN)
    expect(h.shown.map((s) => s.chargerUuid)).toEqual(['c-1', 'c-3', 'c-4'])
  })

  it('says nothing while paused and does not catch up when the pause ends', () => {
    h.settings = { ...h.settings, notificationsPausedUntil: new Date(START + 60 * MIN).toISOString() }
    h.at(START + 1 * MIN)
    expect(h.sync([faulted(1), offlineSince(2, START), offlineSince(3, START), ...h.fleet.slice(3)])).toEqual([])
    h.at(START + 59 * MIN)
    expect(h.shown).toEqual([])
    expect(h.policy.nextDueAt()).toBeNull()

    // After the pause: the same state, polled again, says nothing; only a new change does.
    h.at(START + 61 * MIN)
    expect(h.sync([...h.fleet])).toEqual([])
    expect(
      h
        .sync([faulted(1), offlineSince(2, START), offlineSince(3, START), faulted(4), ...h.fleet.slice(4)])
        .map((s) => s.title),
    ).toEqual(['EVB-4 has a fault'])
  })

  it('tells a charger that went offline just before a short pause once the pause is over, if it is still offline', () => {
    h.at(START + 1 * MIN).sync([offlineSince(1, START), ...h.fleet.slice(1)])
    h.settings = { ...h.settings, notificationsPausedUntil: new Date(START + 5 * MIN).toISOString() }
    h.at(START + 11 * MIN)
    expect(h.shown.map((s) => s.title)).toEqual(['EVB-1 is offline'])
  })
})
