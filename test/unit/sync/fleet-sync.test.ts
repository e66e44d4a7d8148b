// The sync engine against the simulated Plugchoice API over real HTTP. Sleeps (backoff, Retry-After, rate
// budget waits) go through a fake clock, so nothing here waits real seconds and the waits can be checked.
import { inspect } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { PlugchoiceError } from '@main/api/api-errors'
import { PlugchoiceClient } from '@main/api/plugchoice-client'
import { FleetSyncer, type ChargerPageSource, type FleetSyncerOptions, type SyncResult } from '@main/sync/fleet-sync'
import { RateBudget } from '@main/sync/rate-budget'
import { badRecordIndex, startSimulatedApi, type SimulatedApi, type SimulatedApiOptions } from '@main/sim'
import { FakeClock } from './fake-time'

const started: SimulatedApi[] = []
const seenErrors: unknown[] = []
afterEach(async () => {
  await Promise.all(started.splice(0).map((api) => api.stop()))
})

async function simulator(options: SimulatedApiOptions = {}): Promise<SimulatedApi> {
  const api = await startSimulatedApi({ seed: 3, ...options })
  started.push(api)
  return api
}

function setup(api: SimulatedApi, options: Partial<FleetSyncerOptions> & { timeoutMs?: number } = {}) {
  const clock = new FakeClock()
  const client = new PlugchoiceClient({
    base: new URL(api.baseUrl),
    token: api.token,
    timeoutMs: options.timeoutMs ?? 5_000,
  })
  const budget = new RateBudget({ now: clock.now })
  const syncer = new FleetSyncer({ client, budget, sleep: clock.sleep, random: () => 1, ...options })
  return { clock, client, budget, syncer }
}

async function syncFailure(promise: Promise<SyncResult>): Promise<PlugchoiceError> {
  const error = await promise.then(
    (result) => {
      throw new Error(`expected the sync to fail, it returned ${result.chargers.length} chargers`)
    },
    (caught: unknown) => caught,
  )
  seenErrors.push(error)
  expect(error).toBeInstanceOf(PlugchoiceError)
  return error as PlugchoiceError
}

const chargerPages = (api: SimulatedApi) => api.requests.filter((request) => request.path.includes('/chargers'))
const pageOf = (path: string) => Number(new URL(path, 'http://x').searchParams.get('page'))

describe('FleetSyncer: reading the whole fleet', () => {
  it('reads every page to the last one, asking for 100 per page', async () => {
    const api = await simulator({ fleetSize: 1_234 })
    const progress: { pagesRead: number; chargersRead: number }[] = []
    const result = await setup(api).syncer.sync({ onProgress: (p) => progress.push(p) })
    expect(result.chargers.map((charger) => charger.uuid)).toEqual(api.fleet.map((charger) => charger.uuid))
    expect(result.pages).toBe(13)
    expect(result.perPage).toBe(100)
    expect(result.rejected).toEqual([])
    expect(result.http429).toBe(0)
    expect(result.requests).toBe(13 + result.wastedRequests)
    expect(progress.at(-1)).toMatchObject({ pagesRead: 13, chargersRead: 1_234 })
    expect(progress.map((p) => p.pagesRead)).toEqual([...Array(13).keys()].map((i) => i + 1))
  })

  it('trusts meta.per_page: a server that ignores per_page still yields the whole fleet', async () => {
    const api = await simulator({ fleetSize: 130, maxPerPage: 0 })
    const result = await setup(api).syncer.sync()
    expect(result.perPage).toBe(25)
    expect(result.pages).toBe(6)
    expect(new Set(result.chargers.map((charger) => charger.uuid)).size).toBe(130)
  })

  it('reads a single page fleet and an empty fleet', async () => {
    const small = await simulator({ fleetSize: 7 })
    expect((await setup(small).syncer.sync()).chargers).toHaveLength(7)
    const empty = await simulator({ chargers: [] })
    const result = await setup(empty).syncer.sync()
    expect(result.chargers).toEqual([])
    expect(result.pages).toBe(1)
  })

  it('reads ahead but wastes at most readAhead-1 requests past the end, whatever the fleet size', async () => {
    for (const size of [99, 100, 101, 250, 300, 301, 499, 777, 1_000]) {
      const api = await simulator({ fleetSize: size, seed: size })
      const result = await setup(api, { readAhead: 4 }).syncer.sync()
      const lastPage = Math.max(1, Math.ceil(size / 100))
      expect(result.chargers).toHaveLength(size)
      expect(result.pages).toBe(lastPage)
      expect(result.wastedRequests).toBeLessThanOrEqual(3)
      const pastTheEnd = chargerPages(api).filter((request) => pageOf(request.path) > lastPage)
      expect(pastTheEnd.length).toBeLessThanOrEqual(3)
      expect(Math.max(...chargerPages(api).map((request) => pageOf(request.path)))).toBeLessThanOrEqual(lastPage + 3)
    }
  })

  it('has several pages in flight at once when the links follow ?page=N', async () => {
    const api = await simulator({ fleetSize: 1_000, latencyMs: 60 })
    let inFlight = 0
    let most = 0
    const { client } = setup(api)
    const counting: ChargerPageSource = {
      base: client.base,
      chargersPath: client.chargersPath,
      chargersUrl: (page, perPage) => client.chargersUrl(page, perPage),
      getChargerPage: async (url, page, signal) => {
        most = Math.max(most, ++inFlight)
        try {
          return await client.getChargerPage(url, page, signal)
        } finally {
          inFlight--
        }
      },
    }
    const clock = new FakeClock()
    const syncer = new FleetSyncer({
      client: counting,
      budget: new RateBudget({ now: clock.now }),
      sleep: clock.sleep,
      readAhead: 4,
    })
    const result = await syncer.sync()
    expect(result.chargers).toHaveLength(1_000)
    expect(most).toBe(4)
  })

  it('follows links one by one when they do not follow the ?page=N pattern', async () => {
    const api = await simulator({ fleetSize: 420 })
    api.setNextLink((_page, next) => (next ? `${next}&cursor=opaque` : null))
    const result = await setup(api).syncer.sync()
    expect(result.chargers).toHaveLength(420)
    expect(result.pages).toBe(5)
    expect(result.wastedRequests).toBe(0)
    expect(result.requests).toBe(5)
  })

  it('keeps one copy of a charger that moved to the next page during the walk', async () => {
    const api = await simulator({ fleetSize: 250 })
    const original = api.fleet.map((charger) => charger.uuid)
    const newcomer = { ...(api.fleet[0] as object), uuid: 'new-charger-0000', identity: 'NEW-1' }
    api.setNextLink((page, next) => {
      // A charger added at the top while page 1 is on its way shifts every later record down by one.
      if (page === 1) api.setFleet([newcomer, ...api.fleet])
      return next
    })
    const result = await setup(api, { readAhead: 1 }).syncer.sync()
    const uuids = result.chargers.map((charger) => charger.uuid)
    expect(new Set(uuids).size).toBe(uuids.length)
    expect(uuids).toEqual(original)
  })

  it('stops the walk at a next link that repeats a page already read', async () => {
    const api = await simulator({ fleetSize: 800 })
    api.setNextLink((page, next) => (page === 3 ? `${api.baseUrl}/chargers?per_page=100&page=2` : next))
    const result = await setup(api).syncer.sync()
    expect(result.pages).toBe(3)
    expect(result.chargers).toHaveLength(300)
    expect(chargerPages(api).filter((request) => pageOf(request.path) === 2)).toHaveLength(1)
  })

  it('stops the walk at a loop in links that are not ?page=N (whatever the order of their parameters)', async () => {
    const api = await simulator({ fleetSize: 800 })
    api.setNextLink((page, next) =>
      page === 3 ? `${api.baseUrl}/chargers?x=1&page=2&per_page=100` : next ? `${next}&x=1` : null,
    )
    const result = await setup(api).syncer.sync()
    expect(result.chargers).toHaveLength(300)
    expect(result.pages).toBe(3)
    expect(chargerPages(api)).toHaveLength(3)
  })

  it('keeps the other records of a page with one bad record and reports it', async () => {
    const api = await simulator({ fleetSize: 300 })
    api.malformPage(2, 'bad-record')
    const broken = api.fleet[100 + badRecordIndex(100)]
    const result = await setup(api).syncer.sync()
    expect(result.chargers).toHaveLength(299)
    expect(result.chargers.some((charger) => charger.uuid === broken?.uuid)).toBe(false)
    expect(result.rejected).toEqual([
      { page: 2, index: badRecordIndex(100), uuid: null, reason: expect.stringMatching(/uuid/) },
    ])
  })

  it('fails rather than return an empty fleet when no record at all can be read', async () => {
    const api = await simulator({ fleetSize: 30 })
    // Upstream renamed the key every charger is known by: every record breaks the schema.
    api.setFleet(api.fleet.map(({ uuid, ...rest }) => ({ ...rest, id_uuid: uuid }) as never))
    const error = await syncFailure(setup(api).syncer.sync())
    expect(error.code).toBe('invalid-response')
    expect(error.message).toMatch(/none of its 30 records was valid/)
  })

  it('each walk has its own signal: cancelling one leaves another to finish (the session keeps to one)', async () => {
    const api = await simulator({ fleetSize: 300, latencyMs: 30 })
    const { syncer } = setup(api)
    const cancel = new AbortController()
    const first = syncer.sync({ signal: cancel.signal })
    const secondProgress: number[] = []
    const second = syncer.sync({ onProgress: (p) => secondProgress.push(p.pagesRead) })
    cancel.abort()
    expect((await syncFailure(first)).code).toBe('cancelled')
    const result = await second
    expect(result.chargers).toHaveLength(300)
    expect(secondProgress.at(-1)).toBe(3)
  })
})

describe('FleetSyncer: failures', () => {
  it('401 fails at once with token-rejected', async () => {
    const api = await simulator({ fleetSize: 300 })
    api.revokeToken()
    const error = await syncFailure(setup(api).syncer.sync())
    expect(error.code).toBe('token-rejected')
    expect(api.requests).toHaveLength(1)
  })

  it('a token revoked mid-sync rejects the whole sync: nothing partial comes back', async () => {
    const api = await simulator({ fleetSize: 1_000 })
    const progress: number[] = []
    api.setNextLink((page, next) => {
      if (page === 4) api.revokeToken()
      return next
    })
    const error = await syncFailure(setup(api).syncer.sync({ onProgress: (p) => progress.push(p.chargersRead) }))
    expect(error.code).toBe('token-rejected')
    expect(error.message).toBe('Plugchoice rejected this token (it may be expired or revoked).')
    expect(Math.max(...progress)).toBeLessThan(1_000)
  })

  it('403 fails at once with forbidden', async () => {
    const api = await simulator({ fleetSize: 300 })
    api.failNext(403)
    const error = await syncFailure(setup(api).syncer.sync())
    expect(error.code).toBe('forbidden')
    expect(api.requests).toHaveLength(1)
  })

  it('429 waits Retry-After, then carries on to the end', async () => {
    const api = await simulator({ fleetSize: 300 })
    api.failNext(429)
    const { syncer, clock } = setup(api)
    const result = await syncer.sync()
    expect(result.chargers).toHaveLength(300)
    expect(result.http429).toBe(1)
    expect(clock.sleeps).toContain(1_000)
  })

  it('500 is retried with backoff, then succeeds', async () => {
    const api = await simulator({ fleetSize: 300 })
    api.failNext(500, 2)
    const { syncer, clock } = setup(api)
    const result = await syncer.sync()
    expect(result.chargers).toHaveLength(300)
    expect(result.requests).toBe(3 + 2 + result.wastedRequests)
    // Full jitter with random() = 1: the whole exponential step, 0.5 s then 1 s.
    expect(clock.sleeps).toEqual([500, 1_000])
  })

  it('500 forever fails after a bounded number of attempts, with growing capped waits', async () => {
    const api = await simulator({ fleetSize: 300 })
    api.failNext(500, 100)
    const { syncer, clock } = setup(api, { maxAttempts: 6, backoffBaseMs: 500, backoffCapMs: 4_000 })
    const error = await syncFailure(syncer.sync())
    expect(error.code).toBe('server-error')
    expect(error.status).toBe(500)
    expect(api.requests).toHaveLength(6)
    expect(clock.sleeps).toEqual([500, 1_000, 2_000, 4_000, 4_000])
  })

  it('a read-ahead page past the end that fails costs one request, not its retries', async () => {
    const api = await simulator({ fleetSize: 200, latencyMs: 20 })
    api.setNextLink((page, next) => {
      if (page === 1) api.failNext(500, 3)
      return next
    })
    const result = await setup(api).syncer.sync()
    expect(result.chargers).toHaveLength(200)
    expect(result.wastedRequests).toBeLessThanOrEqual(3)
  })

  it('a refused connection fails as unreachable after bounded retries', async () => {
    const api = await simulator({ fleetSize: 10 })
    const { syncer } = setup(api, { maxAttempts: 3 })
    await api.stop()
    started.splice(started.indexOf(api), 1)
    const error = await syncFailure(syncer.sync())
    expect(error.code).toBe('unreachable')
    expect(error.message).toMatch(/^Cannot reach Plugchoice: the connection was refused/)
  })

  it('a dropped connection is retried', async () => {
    const api = await simulator({ fleetSize: 150 })
    api.dropNext(1)
    const result = await setup(api).syncer.sync()
    expect(result.chargers).toHaveLength(150)
  })

  it('an answer slower than the timeout fails as timeout after bounded retries', async () => {
    const api = await simulator({ fleetSize: 10, latencyMs: 1_000 })
    const error = await syncFailure(setup(api, { timeoutMs: 100, maxAttempts: 2 }).syncer.sync())
    expect(error.code).toBe('timeout')
    expect(api.requests).toHaveLength(2)
  })

  it('a page that is not JSON fails the sync as invalid-response naming the page, without retrying', async () => {
    const api = await simulator({ fleetSize: 500 })
    api.malformPage(3, 'not-json')
    const error = await syncFailure(setup(api).syncer.sync())
    expect(error.code).toBe('invalid-response')
    expect(error.message).toMatch(/page 3 of the charger list was not valid/)
    expect(chargerPages(api).filter((request) => pageOf(request.path) === 3)).toHaveLength(1)
  })

  it('a next link to another origin fails the sync and that origin receives nothing', async () => {
    const api = await simulator({ fleetSize: 600 })
    const hostile = await simulator({ fleetSize: 600, token: api.token })
    api.setNextLink((page, next) => (page === 2 ? `${hostile.baseUrl}/chargers?page=3&per_page=100` : next))
    const error = await syncFailure(setup(api).syncer.sync())
    expect(error.code).toBe('foreign-link')
    expect(error.message).toContain(hostile.origin)
    expect(hostile.requests.filter((request) => request.hadAuthorization)).toEqual([])
    expect(hostile.requests).toEqual([])
  })

  it('a protocol-relative next link to another host is foreign too', async () => {
    const api = await simulator({ fleetSize: 300 })
    const hostile = await simulator({ fleetSize: 10 })
    api.setNextLink((page, next) => (page === 1 ? `//127.0.0.1:${hostile.port}/api/v3/chargers?page=2` : next))
    const error = await syncFailure(setup(api).syncer.sync())
    expect(error.code).toBe('foreign-link')
    expect(hostile.requests).toEqual([])
  })

  it('can be cancelled', async () => {
    const api = await simulator({ fleetSize: 1_000, latencyMs: 100 })
    const controller = new AbortController()
    const pending = setup(api).syncer.sync({ signal: controller.signal })
    setTimeout(() => controller.abort(), 150)
    const error = await syncFailure(pending)
    expect(error.code).toBe('cancelled')
  })

  it('puts the token in no error of any failed sync above', () => {
    expect(seenErrors.length).toBeGreaterThanOrEqual(10)
    for (const error of seenErrors) {
      const text = `${String(error)}\n${(error as Error).stack}\n${inspect(error, { depth: 5 })}\n${JSON.stringify(error)}`
      expect(text).not.toMatch(/Bearer|\|[A-Za-z0-9_-]{30,}/)
    }
  })
})

describe('FleetSyncer: the shared rate budget', () => {
  it('waits for the window to refill instead of eating into the last 100 requests, and gets no 429', async () => {
    const clock = new FakeClock()
    const api = await simulator({ fleetSize: 3_000, clock: clock.now })
    api.useRateLimitBudget(380)
    const client = new PlugchoiceClient({ base: new URL(api.baseUrl), token: api.token })
    const remainingSeen: number[] = []
    const watching: ChargerPageSource = {
      base: client.base,
      chargersPath: client.chargersPath,
      chargersUrl: (page, perPage) => client.chargersUrl(page, perPage),
      getChargerPage: async (url, page, signal) => {
        const answer = await client.getChargerPage(url, page, signal)
        if (answer.rate.remaining !== null) remainingSeen.push(answer.rate.remaining)
        return answer
      },
    }
    const syncer = new FleetSyncer({ client: watching, budget: new RateBudget({ now: clock.now }), sleep: clock.sleep })
    const result = await syncer.sync()
    expect(result.chargers).toHaveLength(3_000)
    expect(result.http429).toBe(0)
    expect(Math.min(...remainingSeen)).toBeGreaterThanOrEqual(100)
    expect(Math.max(...clock.sleeps)).toBeGreaterThan(30_000)
    expect(Math.max(...clock.sleeps)).toBeLessThanOrEqual(60_000)
  })
})
