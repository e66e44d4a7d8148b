// What the tests, the demo and the bench can ask of the simulated Plugchoice API (simulated-api.ts): its
// start options, the request log it keeps, and the knobs of the running server.
import type { Charger, User } from '@shared/plugchoice-schemas'
import type { CommandSimOptions } from './charger-commands-sim'
import type { PageMalformation, NextLinkOverride } from './chargers-page'

export type { PageMalformation, NextLinkOverride } from './chargers-page'

export interface SimulatedApiOptions {
  /** The fleet to serve; otherwise one is generated from fleetSize and seed. */
  chargers?: Charger[]
  /** Size of the generated fleet (default 120). */
  fleetSize?: number
  /** Seed of the generated fleet, the user and the injected errors (default 1). */
  seed?: number
  /** The accepted bearer token (default: a random one). */
  token?: string
  /** 0 (default) picks a free port. */
  port?: number
  /** Added before every answer. */
  latencyMs?: number
  /** `per_page` is honoured up to this cap; 0 ignores `per_page` (always 25). Default 100. */
  maxPerPage?: number
  /** Default 500 requests per 60,000 ms, sliding, shared by all of the user's tokens (as upstream). */
  rateLimit?: { limit: number; windowMs: number }
  /** Probability per status code that an authenticated request fails with it (seeded). */
  errorRates?: Partial<Record<number, number>>
  /** Chargers changing state on a timer; `tick()` steps it by hand either way. */
  dynamics?: { intervalMs: number; changesPerTick: number }
  user?: Partial<User>
  /** Time source for the rate limit and the timestamps of changes (default Date.now). */
  clock?: () => number
  /** Restart downtime and bulk-run pace (charger-commands-sim.ts). */
  commands?: CommandSimOptions
}

export interface RequestLogEntry {
  method: string
  /** Path and query, e.g. `/api/v3/chargers?page=2`. */
  path: string
  time: number
  hadAuthorization: boolean
  authorization: string | null
  /** The status answered (null until answered; also null for a dropped connection). */
  status: number | null
  /** A POST's JSON body as received (undefined for other methods and bodies that are not JSON). */
  body?: unknown
}

export interface SimulatedApi {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string
  /** `http://127.0.0.1:PORT/api/v3` */
  readonly baseUrl: string
  readonly port: number
  readonly token: string
  readonly fleet: readonly Charger[]
  readonly user: User
  /** Every request received, in order (tests may clear it with `requests.length = 0`). */
  readonly requests: RequestLogEntry[]
  setFleet(chargers: Charger[]): void
  /** Merges `patch` into the charger with this uuid (throws if there is none). */
  updateCharger(uuid: string, patch: Partial<Charger>): void
  /** Every later request is answered 401 until setToken. */
  revokeToken(): void
  setToken(token: string): void
  setLatency(ms: number): void
  /** The next `count` requests answer `status` (with a JSON `message`, or `body` as given). */
  failNext(status: number, count?: number, body?: string): void
  /** The next `count` requests have their connection destroyed without an answer (a network error). */
  dropNext(count?: number): void
  /** Every later answer for this page number is broken in this way, until clearMalformations. */
  malformPage(page: number, kind: PageMalformation): void
  clearMalformations(): void
  /** Rewrites `links.next` of every chargers page (null restores the default). */
  setNextLink(override: NextLinkOverride | null): void
  /** Pretends the user's other tools spent `count` requests of the current window. */
  useRateLimitBudget(count: number): void
  rateLimitRemaining(): number
  setUser(patch: Partial<User>): void
  /** Moves `changes` chargers to another state (default: the dynamics' changesPerTick, or 1% of the fleet). */
  tick(changes?: number): void
  stop(): Promise<void>
}
