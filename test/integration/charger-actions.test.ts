// ChargerActions (issue 12) against the simulated API over real HTTP: reads cached with their age and counted
// in the sync's rate budget, the cached copy when Plugchoice fails, the full-permission gate, one POST per
// double click, the watch after a restart, bulk runs polled to completion, and the record of every write.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { PlugchoiceClient } from '@main/api/plugchoice-client'
import { ChargerActions } from '@main/charger-actions/charger-actions'
import { startSimulatedApi, type SimulatedApi } from '@main/sim'
import { rejectsReset } from '@main/sim/charger-commands-sim'
import { defaultSleep, type Sleep } from '@main/sync/page-retry'
import { RateBudget } from '@main/sync/rate-budget'
import { MAX_BULK_SELECTION } from '@shared/charger-actions-schemas'
import type { Charger } from '@shared/plugchoice-schemas'

let api: SimulatedApi
let dir: string
let now: number
let budget: RateBudget
let waits: number[]

function world(options: { freshMs?: number } = {}): ChargerActions {
  const actions = new ChargerActions({
    userDataDir: dir,
    lookup: async () => (uuid) => api.fleet.find((c) => c.uuid === uuid),
    accountUuid: async () => 'account-1',
    now: () => now,
    // Real waits (the watch and the polling are short here); budget waits are recorded, not slept.
    sleep: ((ms, signal) => {
      waits.push(ms)
      return defaultSleep(Math.min(ms, 60), signal)
    }) satisfies Sleep,
    watch: { firstMs: 40, everyMs: 40, giveUpMs: 2_000 },
    pollEveryMs: 30,
    ...options,
  })
  budget = new RateBudget({ now: () => now })
  actions.attach(new PlugchoiceClient({ base: new URL(api.baseUrl), token: api.token }), budget)
  return actions
}

beforeEach(async () => {
  api = await startSimulatedApi({
    fleetSize: 80,
    seed: 12,
    commands: { restartDowntimeMs: 150, bulkStepMs: 20, noAnswerMs: 20 },
  })
  dir = await mkdtemp(join(tmpdir(), 'plugfleet-actions-'))
  now = Date.now()
  waits = []
})
afterEach(async () => {
  await api.stop()
  // A save of the offline copy may still be landing (writes are not awaited by reads).
  await rm(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 })
})

const posts = () => api.requests.filter((r) => r.method === 'POST')
const pick = (predicate: (c: Charger) => boolean, count = 1): Charger[] => {
  const found = api.fleet.filter(predicate).slice(0, count)
  if (found.length < count) throw new Error('the seeded fleet has too few such chargers')
  return found
}
const actionable = (c: Charger) => c.connection_status === 'online' && c.permissions?.full === true && !rejectsReset(c)

describe('reads', () => {
  it('answers a second look within 30 s from the cache, with the time it was read; refresh asks again', async () => {
    const actions = world()
    const [charger] = pick((c) => c.connection_status === 'online')
    const first = await actions.detail(charger!.uuid)
    expect(first).toMatchObject({ fromCache: false, error: null, loadedAt: new Date(now).toISOString() })
    now += 10_000
    expect(await actions.detail(charger!.uuid)).toEqual(first)
    expect(api.requests).toHaveLength(1)
    now += 25_000
    await actions.detail(charger!.uuid)
    await actions.detail(charger!.uuid, true)
    expect(api.requests).toHaveLength(3)
  })

  it('counts every read in the rate budget the sync uses, and waits when it runs low', async () => {
    const actions = world()
    const [a, b] = pick((c) => c.connection_status === 'online', 2)
    await actions.detail(a!.uuid)
    expect(budget.remaining).toBe(api.rateLimitRemaining())
    // The user's other tools have spent most of the minute: the next read waits for the window to refill.
    api.useRateLimitBudget(api.rateLimitRemaining() - 50)
    await actions.log({ uuid: a!.uuid })
    expect(waits).toEqual([])
    await actions.detail(b!.uuid)
    expect(waits.some((ms) => ms > 50_000)).toBe(true)
  })

  it('shows the cached copy, labelled, when Plugchoice fails; fails with a sentence when there is none', async () => {
    const actions = world()
    const [charger, other] = pick((c) => c.connection_status === 'online', 2)
    const log = await actions.log({ uuid: charger!.uuid })
    api.failNext(500, 3)
    const cached = await actions.log({ uuid: charger!.uuid, refresh: true })
    expect(cached).toMatchObject({ fromCache: true, entries: log.entries, loadedAt: log.loadedAt })
    expect(cached.error?.message).toContain('server error (HTTP 500)')
    api.failNext(401)
    await expect(actions.detail(other!.uuid)).rejects.toMatchObject({ code: 'token-rejected' })
  })

  it('keeps an offline copy on disk: after a restart of the app, an unreachable Plugchoice shows it, labelled', async () => {
    const [charger] = pick((c) => c.connection_status === 'online')
    const first = world()
    const detail = await first.detail(charger!.uuid)
    const log = await first.log({ uuid: charger!.uuid })
    await expect.poll(async () => (await readdir(dir)).filter((f) => f.startsWith('charger-reads-'))).toHaveLength(1)
    const file = await readFile(join(dir, 'charger-reads-account-1.json'), 'utf8')
    expect(file).not.toContain('pincode')
    expect(file).not.toContain(api.token)

    now += 3_600_000
    const second = world()
    api.failNext(503, 6)
    expect(await second.detail(charger!.uuid)).toMatchObject({
      fromCache: true,
      connectors: detail.connectors,
      loadedAt: detail.loadedAt,
    })
    expect(await second.log({ uuid: charger!.uuid })).toMatchObject({ fromCache: true, entries: log.entries })

    await second.signedOut('account-1')
    expect((await readdir(dir)).filter((f) => f.startsWith('charger-reads-'))).toEqual([])
  })

  it('loads more of the log onto what is shown, and filters by method', async () => {
    const actions = world()
    const [charger] = pick((c) => c.connection_status === 'online')
    const first = await actions.log({ uuid: charger!.uuid })
    expect(first.nextPage).toBe(2)
    const more = await actions.log({ uuid: charger!.uuid, page: 2 })
    expect(more.entries.slice(0, 25)).toEqual(first.entries)
    expect(more.entries.length).toBeGreaterThan(25)
    const boots = await actions.log({ uuid: charger!.uuid, method: 'BootNotification' })
    expect(boots.entries.every((e) => e.method === 'BootNotification')).toBe(true)
    expect(boots.method).toBe('BootNotification')
  })
})

describe('restart', () => {
  it('is refused without the full permission, before anything is sent', async () => {
    const actions = world()
    const [readOnly] = pick((c) => c.connection_status === 'online' && c.permissions?.full === false)
    await expect(actions.restart(readOnly!.uuid)).rejects.toMatchObject({ code: 'not-allowed' })
    expect(posts()).toHaveLength(0)
  })

  it('sends one POST for a double click, shows the answer, watches the charger back online and records it', async () => {
    const actions = world()
    const [charger] = pick(actionable)
    const [one, two] = await Promise.all([actions.restart(charger!.uuid), actions.restart(charger!.uuid)])
    expect(posts()).toHaveLength(1)
    expect(one).toEqual(two)
    expect(one).toMatchObject({ outcome: 'accepted', answer: 'Accepted' })
    expect(actions.restartWatch(charger!.uuid).state).toBe('waiting')
    await expect.poll(() => actions.restartWatch(charger!.uuid).state, { timeout: 3_000 }).toBe('back')
    expect(await actions.records()).toEqual([
      { at: new Date(now).toISOString(), action: 'restart', chargers: [charger!.uuid], answer: 'Accepted' },
    ])
  })

  it('says when a restarted charger has not come back in time', async () => {
    await api.stop()
    api = await startSimulatedApi({ fleetSize: 80, seed: 12, commands: { restartDowntimeMs: 60_000 } })
    const actions = world()
    const [charger] = pick(actionable)
    expect(await actions.restart(charger!.uuid)).toMatchObject({ outcome: 'accepted' })
    await expect.poll(() => actions.restartWatch(charger!.uuid).state, { timeout: 5_000 }).toBe('not-back')
    expect(actions.restartWatch(charger!.uuid).message).toMatch(/has not come back online/)
    // The watch looked a bounded number of times (2 s of 40 ms steps), each a GET through the budget.
    const looks = api.requests.filter((r) => r.method === 'GET' && r.path === `/api/v3/chargers/${charger!.uuid}`)
    expect(looks.length).toBeGreaterThan(3)
    expect(looks.length).toBeLessThanOrEqual(50)
  })

  it('says when the charger did not answer (504), rejected, or the server forbade it (403)', async () => {
    const actions = world()
    const [offline] = pick((c) => c.connection_status === 'offline' && c.permissions?.full === true)
    expect(await actions.restart(offline!.uuid)).toMatchObject({ outcome: 'no-answer' })
    const [stubborn] = pick((c) => c.connection_status === 'online' && c.permissions?.full === true && rejectsReset(c))
    expect(await actions.restart(stubborn!.uuid)).toMatchObject({ outcome: 'rejected', answer: 'Rejected' })
    const [charger] = pick(actionable)
    api.failNext(403)
    const forbidden = await actions.restart(charger!.uuid)
    expect(forbidden.outcome).toBe('forbidden')
    expect(forbidden.message).toContain('full permission')
    expect(posts()).toHaveLength(3)
  })
})

describe('bulk commands', () => {
  it('sends one POST for the chargers it may act on, lists the others as skipped, and polls to completion', async () => {
    const actions = world()
    const ready = pick(actionable, 3)
    const [readOnly] = pick((c) => c.permissions?.full === false)
    const uuids = [...ready.map((c) => c.uuid), readOnly!.uuid]
    const started = await actions.startBulk('restart-soft', uuids)
    expect(posts()).toHaveLength(1)
    expect(posts()[0]!.path).toBe('/api/v3/chargers/commands/bulk')
    expect(started).toMatchObject({ status: 'running', total: 4, skipped: 1 })
    await expect.poll(() => actions.bulkRun(started.runUuid).status, { timeout: 3_000 }).toBe('completed')
    const done = actions.bulkRun(started.runUuid)
    expect(done).toMatchObject({ sent: 3, offline: 0, error: 0, skipped: 1 })
    expect(done.results.map((r) => [r.charger_uuid, r.status])).toEqual([
      ...ready.map((c) => [c.uuid, 'sent']),
      [readOnly!.uuid, 'skipped_forbidden'],
    ])
    // Polled: at least one GET of the run after the POST.
    expect(
      api.requests.filter((r) => r.path.startsWith(`/api/v3/chargers/commands/bulk/${started.runUuid}`)).length,
    ).toBeGreaterThan(0)
    await expect.poll(async () => (await actions.records()).length).toBe(1)
    expect((await actions.records())[0]).toMatchObject({
      action: 'Restart (soft)',
      answer: expect.stringContaining('3 sent'),
    })
  })

  it(`refuses more than ${MAX_BULK_SELECTION} chargers, and a selection it may act on none of, sending nothing`, async () => {
    const actions = world()
    const many = Array.from({ length: MAX_BULK_SELECTION + 1 }, (_, i) => `uuid-${i}`)
    await expect(actions.startBulk('make-unavailable', many)).rejects.toThrow(/at most 250/)
    const readOnly = pick((c) => c.permissions?.full === false, 2).map((c) => c.uuid)
    await expect(actions.startBulk('make-unavailable', readOnly)).rejects.toMatchObject({ code: 'not-allowed' })
    expect(posts()).toHaveLength(0)
  })

  it('signing out stops what was watched and read', async () => {
    const actions = world()
    actions.detach()
    await expect(actions.detail(api.fleet[0]!.uuid)).rejects.toMatchObject({ code: 'signed-out' })
  })
})
