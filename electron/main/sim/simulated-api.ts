// A simulated Plugchoice API on 127.0.0.1: a real node:http server that answers like the documented
// `/api/v3` (Bearer check, `/user`, paginated `/chargers` with links and meta, rate-limit headers, 429 with
// Retry-After), with knobs the tests, the demo and the benchmark drive: latency, injected failures per status
// code, malformed pages, a hostile `links.next`, a revoked token and a fleet that changes over time.
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Charger, User } from '@shared/plugchoice-schemas'
import { send, sendError } from './api-answers'
import { chargersPage, pageLink, pageNumber, type NextLinkOverride, type PageMalformation } from './chargers-page'
import { evolveFleet } from './fleet-dynamics'
import { ChargerLogs } from './charger-detail-sim'
import { CommandSim } from './charger-commands-sim'
import { answerChargerRoute, isChargerRoute } from './charger-routes'
import { apiTimestamp, generateFleet } from './fleet-generator'
import { mixSeed, SeededRandom } from './seeded-random'
import type { RequestLogEntry, SimulatedApi, SimulatedApiOptions } from './simulated-api-options'
import { SlidingWindowLimiter } from './sliding-window'

export { badRecordIndex, DEFAULT_PER_PAGE } from './chargers-page'
export type { PageMalformation, NextLinkOverride } from './chargers-page'
export type { RequestLogEntry, SimulatedApi, SimulatedApiOptions } from './simulated-api-options'

export const API_PREFIX = '/api/v3'
function defaultToken(): string {
  // Shaped like a Laravel Sanctum personal access token: `<id>|<40 characters>`.
  return `${randomBytes(2).readUInt16BE(0)}|${randomBytes(30).toString('base64url')}`
}

function defaultUser(seed: number, clock: () => number): User {
  const random = new SeededRandom(mixSeed(seed, 0x05e4))
  const created = clock() - 400 * 24 * 3600_000
  return {
    uuid: random.uuid(),
    id: random.int(100, 99_999),
    name: 'Demo Installer',
    email: 'installer@example.com',
    avatar: `https://www.gravatar.com/avatar/${random.hex(32)}`,
    created_at: apiTimestamp(created),
    updated_at: apiTimestamp(created + 30 * 24 * 3600_000),
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export async function startSimulatedApi(options: SimulatedApiOptions = {}): Promise<SimulatedApi> {
  const clock = options.clock ?? Date.now
  const seed = options.seed ?? 1
  let fleet: Charger[] = options.chargers
    ? options.chargers.slice()
    : generateFleet(options.fleetSize ?? 120, seed, clock())
  let token = options.token ?? defaultToken()
  let revoked = false
  let latencyMs = options.latencyMs ?? 0
  let user: User = { ...defaultUser(seed, clock), ...options.user }
  const maxPerPage = options.maxPerPage ?? 100
  const limiter = new SlidingWindowLimiter(
    options.rateLimit?.limit ?? 500,
    options.rateLimit?.windowMs ?? 60_000,
    clock,
  )
  const errorRandom = new SeededRandom(mixSeed(seed, 0xe770))
  const dynamicsRandom = new SeededRandom(mixSeed(seed, 0xd1a))
  const errorRates = Object.entries(options.errorRates ?? {})
    .map(([status, rate]) => [Number(status), rate ?? 0] as const)
    .filter(([, rate]) => rate > 0)
  const forced: { status: number; body: string | undefined }[] = []
  let drops = 0
  const malformed = new Map<number, PageMalformation>()
  let nextLinkOverride: NextLinkOverride | null = null
  const requests: RequestLogEntry[] = []
  let origin = ''

  function answerChargersPage(url: URL, res: ServerResponse, rateHeaders: Record<string, string>): void {
    const malformation = malformed.get(pageNumber(url))
    send(
      res,
      200,
      chargersPage({ fleet, origin, url, maxPerPage, nextLink: nextLinkOverride, malformation }),
      rateHeaders,
    )
  }

  type Route = 'user' | 'chargers' | 'charger' | null
  function routeOf(pathname: string, method: string): Route {
    const path = pathname.replace(/\/+$/, '')
    if (path === `${API_PREFIX}/user`) return 'user'
    if (path === `${API_PREFIX}/chargers`) return 'chargers'
    if (path.startsWith(`${API_PREFIX}/chargers/`) && isChargerRoute(method, path.slice(API_PREFIX.length + 10)))
      return 'charger'
    return null
  }

  const logs = new ChargerLogs(seed, clock)
  const fleetAccess = {
    get: (uuid: string) => fleet.find((candidate) => candidate.uuid === uuid),
    update: (uuid: string, patch: Partial<Charger>) => api.updateCharger(uuid, patch),
    logs,
    clock,
  }
  const commands = new CommandSim(fleetAccess, options.commands)
  const chargerRoutes = {
    get: fleetAccess.get,
    logs,
    commands,
    pageLink: (url: URL, page: number) => pageLink(origin, url, page),
  }

  async function readJsonBody(req: IncomingMessage): Promise<unknown> {
    let text = ''
    for await (const chunk of req) text += String(chunk)
    if (text === '') return undefined
    try {
      return JSON.parse(text)
    } catch {
      return null
    }
  }

  function isAuthorized(header: string | undefined): boolean {
    if (revoked || !header) return false
    const match = /^Bearer\s+(.+)$/i.exec(header)
    return match?.[1] === token
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin)
    const authorization = req.headers.authorization ?? null
    const entry: RequestLogEntry = {
      method: req.method ?? 'GET',
      path: `${url.pathname}${url.search}`,
      time: clock(),
      hadAuthorization: authorization != null,
      authorization,
      status: null,
    }
    requests.push(entry)
    const body = req.method === 'POST' ? await readJsonBody(req) : undefined
    if (body !== undefined) entry.body = body
    res.on('finish', () => {
      entry.status = res.statusCode
    })
    if (latencyMs > 0) await sleep(latencyMs)
    if (res.destroyed) return

    if (drops > 0) {
      drops--
      req.socket.destroy()
      return
    }
    const failure = forced.shift()
    if (failure) return sendError(res, failure.status, {}, failure.body)

    const route = routeOf(url.pathname, req.method ?? 'GET')
    if (!route) {
      return send(res, 404, { message: `The route ${url.pathname.replace(/^\//, '')} could not be found.` })
    }
    if (req.method !== 'GET' && req.method !== 'HEAD' && !(route === 'charger' && req.method === 'POST')) {
      return send(res, 405, {
        message: `The ${req.method} method is not supported for route ${url.pathname.replace(/^\//, '')}. Supported methods: GET, HEAD.`,
      })
    }
    if (!isAuthorized(req.headers.authorization)) return sendError(res, 401)

    const taken = limiter.take()
    if (!taken.allowed) {
      return sendError(res, 429, {
        'X-RateLimit-Limit': String(limiter.limit),
        'X-RateLimit-Remaining': '0',
        'Retry-After': String(taken.retryAfterSec),
        'X-RateLimit-Reset': String(taken.resetAtSec),
      })
    }
    const rateHeaders = { 'X-RateLimit-Limit': String(limiter.limit), 'X-RateLimit-Remaining': String(taken.remaining) }
    for (const [status, rate] of errorRates) {
      if (errorRandom.chance(rate)) return sendError(res, status, rateHeaders)
    }

    if (route === 'user') return send(res, 200, { data: user }, rateHeaders)
    if (route === 'chargers') return answerChargersPage(url, res, rateHeaders)
    const rest = url.pathname.replace(/\/+$/, '').slice(`${API_PREFIX}/chargers/`.length)
    const answer = await answerChargerRoute(chargerRoutes, req.method ?? 'GET', rest, url, body)
    return send(res, answer.status, answer.body, rateHeaders)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendError(res, 500)
      else res.destroy()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port
  origin = `http://127.0.0.1:${port}`

  const defaultChanges = () => options.dynamics?.changesPerTick ?? Math.max(1, Math.ceil(fleet.length / 100))
  const tick = (changes: number = defaultChanges()) => {
    const before = fleet
    fleet = evolveFleet(fleet, dynamicsRandom, changes, clock())
    // Every change of state is a StatusNotification in that charger's log.
    fleet.forEach((charger, index) => {
      if (charger !== before[index] && charger.connection_status === 'online')
        logs.statusNotification(charger, charger.id ?? 0)
    })
  }
  const timer = options.dynamics ? setInterval(() => tick(), options.dynamics.intervalMs) : null
  timer?.unref()

  const api: SimulatedApi = {
    origin,
    baseUrl: `${origin}${API_PREFIX}`,
    port,
    get token() {
      return token
    },
    get fleet() {
      return fleet
    },
    get user() {
      return user
    },
    requests,
    setFleet(chargers) {
      fleet = chargers.slice()
    },
    updateCharger(uuid, patch) {
      const index = fleet.findIndex((charger) => charger.uuid === uuid)
      if (index < 0) throw new Error(`No charger ${uuid} in the simulated fleet`)
      fleet = fleet.slice()
      fleet[index] = { ...(fleet[index] as Charger), ...patch }
    },
    revokeToken() {
      revoked = true
    },
    setToken(next) {
      token = next
      revoked = false
    },
    setLatency(ms) {
      latencyMs = ms
    },
    failNext(status, count = 1, body) {
      for (let i = 0; i < count; i++) forced.push({ status, body })
    },
    dropNext(count = 1) {
      drops += count
    },
    malformPage(page, kind) {
      malformed.set(page, kind)
    },
    clearMalformations() {
      malformed.clear()
    },
    setNextLink(override) {
      nextLinkOverride = override
    },
    useRateLimitBudget(count) {
      limiter.spend(count)
    },
    rateLimitRemaining() {
      return limiter.remaining()
    },
    setUser(patch) {
      user = { ...user, ...patch }
    },
    tick,
    async stop() {
      if (timer) clearInterval(timer)
      commands.stop()
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
    },
  }
  return api
}
