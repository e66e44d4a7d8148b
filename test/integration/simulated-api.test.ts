// The simulated Plugchoice API over real HTTP: everything the client, the sync engine, the demo and the
// benchmark rely on.
import { afterEach, describe, expect, it } from 'vitest'
import { request } from 'undici'
import { parseChargerPage, type Charger } from '@shared/plugchoice-schemas'
import { fleetTransitions } from '@shared/fleet-health'
import { withFacts } from '@shared/charger-facts'
import {
  badRecordIndex,
  generateFleet,
  startSimulatedApi,
  type SimulatedApi,
  type SimulatedApiOptions,
} from '@main/sim/index'

const NOW = Date.UTC(2026, 2, 1, 9)
const running: SimulatedApi[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((api) => api.stop()))
})

async function start(options: SimulatedApiOptions = {}): Promise<SimulatedApi> {
  const api = await startSimulatedApi(options)
  running.push(api)
  return api
}

async function get(api: SimulatedApi, pathOrUrl: string, token: string | null = api.token) {
  const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${api.baseUrl}${pathOrUrl}`
  const response = await request(url, {
    headers: { accept: 'application/json', ...(token != null ? { authorization: `Bearer ${token}` } : {}) },
  })
  const text = await response.body.text()
  let json: any = undefined
  try {
    json = JSON.parse(text)
  } catch {
    // left undefined: the test decides whether that is expected
  }
  return { status: response.statusCode, headers: response.headers, text, json }
}

describe('simulated Plugchoice API', () => {
  it('serves the whole fleet through links.next, 25 per page, ending with next null', async () => {
    const api = await start({ fleetSize: 130, seed: 5, clock: () => NOW })
    expect(api.baseUrl).toBe(`http://127.0.0.1:${api.port}/api/v3`)
    const seen: Charger[] = []
    let url: string | null = `${api.baseUrl}/chargers`
    let pages = 0
    while (url) {
      const page = await get(api, url)
      expect(page.status).toBe(200)
      expect(page.headers['content-type']).toContain('application/json')
      pages++
      const parsed = parseChargerPage(page.json, pages)
      if (!parsed.ok) throw new Error(parsed.reason)
      expect(parsed.page.rejected).toEqual([])
      expect(page.json.meta).toMatchObject({ current_page: pages, per_page: 25, path: `${api.baseUrl}/chargers` })
      expect(page.json.meta.from).toBe((pages - 1) * 25 + 1)
      expect(page.json.links.last).toBeNull()
      expect(page.json.links.first).toBe(`${api.baseUrl}/chargers?page=1`)
      seen.push(...parsed.page.chargers)
      url = parsed.page.next
      if (url) expect(url).toBe(`${api.baseUrl}/chargers?page=${pages + 1}`)
    }
    expect(pages).toBe(6)
    expect(seen).toHaveLength(130)
    expect(seen).toEqual(api.fleet)
    expect(api.fleet).toEqual(generateFleet(130, 5, NOW))
  })

  it('answers a page past the end with no data and no next', async () => {
    const api = await start({ fleetSize: 30 })
    const page = await get(api, '/chargers?page=9')
    expect(page.status).toBe(200)
    expect(page.json.data).toEqual([])
    expect(page.json.links.next).toBeNull()
    expect(page.json.meta).toMatchObject({ current_page: 9, from: null, to: null })
  })

  it('honours per_page up to its cap and keeps it in the links', async () => {
    const api = await start({ fleetSize: 260, maxPerPage: 100 })
    const fifty = await get(api, '/chargers?per_page=50&page=2')
    expect(fifty.json.data).toHaveLength(50)
    expect(fifty.json.data[0].uuid).toBe(api.fleet[50]!.uuid)
    expect(fifty.json.meta.per_page).toBe(50)
    expect(new URL(fifty.json.links.next).searchParams.get('per_page')).toBe('50')
    expect(new URL(fifty.json.links.next).searchParams.get('page')).toBe('3')

    const capped = await get(api, '/chargers?per_page=1000')
    expect(capped.json.data).toHaveLength(100)
    expect(capped.json.meta.per_page).toBe(100)
    const last = await get(api, '/chargers?per_page=1000&page=3')
    expect(last.json.data).toHaveLength(60)
    expect(last.json.links.next).toBeNull()
  })

  it('ignores per_page when told to, like a server that does not support it', async () => {
    const api = await start({ fleetSize: 60, maxPerPage: 0 })
    const page = await get(api, '/chargers?per_page=100')
    expect(page.json.data).toHaveLength(25)
    expect(page.json.meta.per_page).toBe(25)
  })

  it('returns the user wrapped in data', async () => {
    const api = await start({ fleetSize: 1 })
    const user = await get(api, '/user')
    expect(user.status).toBe(200)
    expect(Object.keys(user.json.data).sort()).toEqual([
      'avatar',
      'created_at',
      'email',
      'id',
      'name',
      'updated_at',
      'uuid',
    ])
    api.setUser({ name: 'Ada Installer' })
    expect((await get(api, '/user')).json.data).toMatchObject({ name: 'Ada Installer', uuid: api.user.uuid })
  })

  it('rejects a missing, wrong or revoked token with 401 Unauthenticated and logs what it received', async () => {
    const api = await start({ fleetSize: 10, token: 'good-token' })
    const missing = await get(api, '/chargers', null)
    expect(missing.status).toBe(401)
    expect(missing.json).toEqual({ message: 'Unauthenticated.' })
    expect((await get(api, '/user', 'wrong')).status).toBe(401)
    expect((await get(api, '/user')).status).toBe(200)
    api.revokeToken()
    expect((await get(api, '/chargers')).status).toBe(401)
    api.setToken('new-token')
    expect((await get(api, '/chargers', 'good-token')).status).toBe(401)
    expect((await get(api, '/chargers', 'new-token')).status).toBe(200)

    expect(api.requests.map((r) => [r.path, r.hadAuthorization, r.status])).toEqual([
      ['/api/v3/chargers', false, 401],
      ['/api/v3/user', true, 401],
      ['/api/v3/user', true, 200],
      ['/api/v3/chargers', true, 401],
      ['/api/v3/chargers', true, 401],
      ['/api/v3/chargers', true, 200],
    ])
    expect(api.requests[2]?.authorization).toBe('Bearer good-token')
  })

  it('answers unknown paths with a JSON 404', async () => {
    const api = await start({ fleetSize: 1 })
    const missing = await get(api, '/teams')
    expect(missing.status).toBe(404)
    expect(missing.json.message).toMatch(/could not be found/)
  })

  it('counts requests in a sliding window and answers 429 with Retry-After once it is spent', async () => {
    let now = 1_000_000
    const api = await start({ fleetSize: 10, rateLimit: { limit: 5, windowMs: 60_000 }, clock: () => now })
    const remaining: string[] = []
    for (let i = 0; i < 5; i++) {
      const response = await get(api, '/chargers')
      expect(response.status).toBe(200)
      expect(response.headers['x-ratelimit-limit']).toBe('5')
      remaining.push(String(response.headers['x-ratelimit-remaining']))
      now += 1000
    }
    expect(remaining).toEqual(['4', '3', '2', '1', '0'])
    const limited = await get(api, '/chargers')
    expect(limited.status).toBe(429)
    expect(limited.json).toEqual({ message: 'Too Many Attempts.' })
    expect(limited.headers['x-ratelimit-remaining']).toBe('0')
    // The oldest request leaves the window 60 s after it was made: 55 s from now.
    expect(limited.headers['retry-after']).toBe('55')
    now += 55_000
    const again = await get(api, '/chargers')
    expect(again.status).toBe(200)
    expect(again.headers['x-ratelimit-remaining']).toBe('0')
  })

  it('lets a test spend part of the budget as the user’s other tools would', async () => {
    const api = await start({ fleetSize: 10 })
    api.useRateLimitBudget(495)
    const response = await get(api, '/user')
    expect(response.headers['x-ratelimit-remaining']).toBe('4')
    api.useRateLimitBudget(4)
    expect((await get(api, '/user')).status).toBe(429)
  })

  it('fails the next requests on demand, with a JSON message or the body given', async () => {
    const api = await start({ fleetSize: 10 })
    api.failNext(502, 2)
    const first = await get(api, '/chargers')
    expect(first.status).toBe(502)
    expect(first.json.message).toBe('Bad Gateway')
    expect((await get(api, '/chargers')).status).toBe(502)
    expect((await get(api, '/chargers')).status).toBe(200)

    api.failNext(200, 1, '{"data": [{"uuid": "abc"')
    const truncated = await get(api, '/chargers')
    expect(truncated.status).toBe(200)
    expect(truncated.json).toBeUndefined()

    api.failNext(503, 1, '<html><body>Maintenance</body></html>')
    const html = await get(api, '/chargers')
    expect(html.status).toBe(503)
    expect(html.headers['content-type']).toContain('text/html')

    for (const status of [403, 500]) {
      api.failNext(status)
      const failed = await get(api, '/user')
      expect(failed.status).toBe(status)
      expect(typeof failed.json.message).toBe('string')
    }
  })

  it('drops connections on demand, as a network failure', async () => {
    const api = await start({ fleetSize: 10 })
    api.dropNext()
    await expect(get(api, '/chargers')).rejects.toThrow()
    expect((await get(api, '/chargers')).status).toBe(200)
  })

  it('injects errors at the configured rate, the same way for the same seed', async () => {
    const statuses = async () => {
      const api = await start({ fleetSize: 10, seed: 3, errorRates: { 500: 0.3, 503: 0.2 } })
      const out: number[] = []
      for (let i = 0; i < 40; i++) {
        const response = await get(api, '/chargers')
        if (response.status !== 200) expect(response.json.message).toBeTruthy()
        out.push(response.status)
      }
      return out
    }
    const first = await statuses()
    expect(first).toContain(200)
    expect(first).toContain(500)
    expect(first).toContain(503)
    expect(await statuses()).toEqual(first)
  })

  it('breaks the chosen page in the chosen way', async () => {
    const api = await start({ fleetSize: 80 })
    api.malformPage(2, 'not-json')
    api.malformPage(3, 'no-data')
    api.malformPage(4, 'bad-record')

    const notJson = await get(api, '/chargers?page=2')
    expect(notJson.status).toBe(200)
    expect(notJson.json).toBeUndefined()

    const noData = await get(api, '/chargers?page=3')
    expect(noData.json).not.toHaveProperty('data')
    expect(parseChargerPage(noData.json, 3).ok).toBe(false)

    const bad = await get(api, '/chargers?page=4')
    const parsed = parseChargerPage(bad.json, 4)
    if (!parsed.ok) throw new Error(parsed.reason)
    expect(parsed.page.chargers).toHaveLength(4)
    expect(parsed.page.rejected).toEqual([
      { page: 4, index: badRecordIndex(5), uuid: null, reason: expect.stringContaining('uuid') },
    ])

    expect((await get(api, '/chargers?page=1')).json.data).toHaveLength(25)
    api.clearMalformations()
    expect((await get(api, '/chargers?page=2')).json.data).toHaveLength(25)
  })

  it('lets a test rewrite links.next, e.g. to a foreign origin', async () => {
    const api = await start({ fleetSize: 60 })
    api.setNextLink((page, defaultNext) => (page === 1 ? 'http://evil.example/api/v3/chargers?page=2' : defaultNext))
    expect((await get(api, '/chargers')).json.links.next).toBe('http://evil.example/api/v3/chargers?page=2')
    expect((await get(api, '/chargers?page=2')).json.links.next).toBe(`${api.baseUrl}/chargers?page=3`)
    api.setNextLink(null)
    expect((await get(api, '/chargers')).json.links.next).toBe(`${api.baseUrl}/chargers?page=2`)
  })

  it('serves a fleet that changes with tick(), and one given by the test', async () => {
    const api = await start({ fleetSize: 200, seed: 8 })
    const before = (await get(api, '/chargers?per_page=100&page=1')).json.data
    api.tick(40)
    const after = (await get(api, '/chargers?per_page=100&page=1')).json.data
    expect(fleetTransitions(withFacts(before), withFacts(after)).length).toBeGreaterThan(0)

    const fleet = generateFleet(3, 1)
    api.setFleet(fleet)
    api.updateCharger(fleet[0]!.uuid, { connection_status: 'offline' })
    const page = await get(api, '/chargers')
    expect(page.json.data.map((c: Charger) => c.connection_status)[0]).toBe('offline')
    expect(page.json.data).toHaveLength(3)
  })

  it('changes the fleet on its own with dynamics', async () => {
    const api = await start({ fleetSize: 100, dynamics: { intervalMs: 20, changesPerTick: 5 } })
    const initial = api.fleet
    await expect.poll(() => api.fleet !== initial, { timeout: 5000 }).toBe(true)
    expect(fleetTransitions(withFacts(initial), withFacts(api.fleet)).length).toBeGreaterThan(0)
  })

  it('stops listening when stopped', async () => {
    const api = await startSimulatedApi({ fleetSize: 1 })
    await api.stop()
    await expect(get(api, '/user')).rejects.toThrow()
  })
})
