// The client against the simulated Plugchoice API over real HTTP on 127.0.0.1.
import { createServer } from 'node:net'
import { inspect } from 'node:util'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { PlugchoiceError } from '@main/api/api-errors'
import { PlugchoiceClient, readRetryAfter } from '@main/api/plugchoice-client'
import { badRecordIndex, startSimulatedApi, type SimulatedApi } from '@main/sim'

let api: SimulatedApi
let client: PlugchoiceClient
const seenErrors: unknown[] = []

beforeAll(async () => {
  api = await startSimulatedApi({ fleetSize: 60, seed: 7 })
  client = new PlugchoiceClient({ base: new URL(api.baseUrl), token: api.token, timeoutMs: 2_000 })
})
afterAll(async () => {
  await api.stop()
})
afterEach(() => {
  api.setLatency(0)
  api.clearMalformations()
  api.setNextLink(null)
  api.setToken(api.token)
})

/** The error a call fails with; every one of them is also checked for the token at the end. */
async function failure(promise: Promise<unknown>): Promise<PlugchoiceError> {
  const error = await promise.then(
    () => {
      throw new Error('expected the call to fail')
    },
    (caught: unknown) => caught,
  )
  seenErrors.push(error)
  expect(error).toBeInstanceOf(PlugchoiceError)
  return error as PlugchoiceError
}

describe('PlugchoiceClient', () => {
  it('reads the account of the token, with the bearer token and Accept: application/json', async () => {
    api.requests.length = 0
    const user = await client.getUser()
    expect(user.uuid).toBe(api.user.uuid)
    expect(user.email).toBe(api.user.email)
    expect(api.requests[0]?.authorization).toBe(`Bearer ${api.token}`)
  })

  it('reads a page of chargers with its next link, page size and rate-limit headers', async () => {
    const { page, rate } = await client.getChargerPage(client.chargersUrl(1, 25), 1)
    expect(page.chargers.map((charger) => charger.uuid)).toEqual(api.fleet.slice(0, 25).map((charger) => charger.uuid))
    expect(page.perPage).toBe(25)
    expect(page.currentPage).toBe(1)
    expect(new URL(page.next ?? '').searchParams.get('page')).toBe('2')
    expect(rate.limit).toBe(500)
    expect(rate.remaining).toBeGreaterThan(0)
    expect(rate.remaining).toBeLessThan(500)
  })

  it('builds chargers URLs on the configured base', () => {
    expect(client.chargersUrl(3, 100).href).toBe(`${api.baseUrl}/chargers?page=3&per_page=100`)
    expect(client.chargersUrl(2).href).toBe(`${api.baseUrl}/chargers?page=2`)
  })

  it('keeps the other records of a page when one breaks its schema, and names the bad one', async () => {
    api.malformPage(2, 'bad-record')
    const { page } = await client.getChargerPage(client.chargersUrl(2, 25), 2)
    expect(page.chargers).toHaveLength(24)
    expect(page.rejected).toEqual([
      { page: 2, index: badRecordIndex(25), uuid: null, reason: expect.stringContaining('uuid') },
    ])
  })

  it('401: the token was rejected', async () => {
    api.revokeToken()
    const error = await failure(client.getUser())
    expect(error.code).toBe('token-rejected')
    expect(error.message).toBe('Plugchoice rejected this token (it may be expired or revoked).')
    expect(error.retryable).toBe(false)
  })

  it('403: not allowed, and a body that echoes the token never reaches the message', async () => {
    api.failNext(403, 1, JSON.stringify({ message: `token ${api.token} may not do this` }))
    const error = await failure(client.getChargerPage(client.chargersUrl(1), 1))
    expect(error.code).toBe('forbidden')
    expect(error.message).toMatch(/HTTP 403/)
    expect(error.retryable).toBe(false)
  })

  it('429: rate limited, with the wait from Retry-After', async () => {
    api.failNext(429)
    const error = await failure(client.getChargerPage(client.chargersUrl(1), 1))
    expect(error.code).toBe('rate-limited')
    expect(error.retryAfterMs).toBe(1000)
    expect(error.message).toMatch(/try again in 1 s/)
    expect(error.retryable).toBe(true)
  })

  it('5xx: a server error with its status, worth retrying', async () => {
    api.failNext(503)
    const error = await failure(client.getChargerPage(client.chargersUrl(4), 4))
    expect(error.code).toBe('server-error')
    expect(error.status).toBe(503)
    expect(error.message).toMatch(/HTTP 503.*page 4/)
    expect(error.retryable).toBe(true)
  })

  it('a page that is not JSON is an invalid response naming the page', async () => {
    api.malformPage(3, 'not-json')
    const error = await failure(client.getChargerPage(client.chargersUrl(3, 25), 3))
    expect(error.code).toBe('invalid-response')
    expect(error.message).toMatch(/page 3 of the charger list was not valid: the answer was not JSON/)
    expect(error.retryable).toBe(false)
  })

  it('a page without its data array is an invalid response naming the page', async () => {
    api.malformPage(2, 'no-data')
    const error = await failure(client.getChargerPage(client.chargersUrl(2, 25), 2))
    expect(error.code).toBe('invalid-response')
    expect(error.message).toMatch(/page 2 of the charger list was not valid: data/)
  })

  it('an HTML error page is an invalid response that says what came back', async () => {
    api.failNext(200, 1, '<html><body>Maintenance</body></html>')
    const error = await failure(client.getChargerPage(client.chargersUrl(1), 1))
    expect(error.code).toBe('invalid-response')
    expect(error.message).toMatch(/not JSON \(it was text\/html\)/)
  })

  it('a dropped connection is "cannot reach"', async () => {
    api.dropNext()
    const error = await failure(client.getUser())
    expect(error.code).toBe('unreachable')
    expect(error.message).toMatch(/^Cannot reach Plugchoice: /)
    expect(error.retryable).toBe(true)
  })

  it('a refused connection is "cannot reach", with the OS reason', async () => {
    const port = await closedPort()
    const offline = new PlugchoiceClient({ base: new URL(`http://127.0.0.1:${port}/api/v3`), token: api.token })
    const error = await failure(offline.getUser())
    expect(error.code).toBe('unreachable')
    expect(error.message).toBe(
      `Cannot reach Plugchoice: the connection was refused (ECONNREFUSED) at 127.0.0.1:${port}.`,
    )
  })

  it('a failed TLS handshake is "cannot reach", naming the TLS error', async () => {
    // https to a plain-http port: the handshake gets an HTTP answer back.
    const tls = new PlugchoiceClient({ base: new URL(`https://127.0.0.1:${api.port}/api/v3`), token: api.token })
    const error = await failure(tls.getUser())
    expect(error.code).toBe('unreachable')
    expect(error.message).toMatch(/^Cannot reach Plugchoice: the secure connection failed \([A-Z_]+\)/)
  })

  it('an answer slower than the timeout is a timeout', async () => {
    api.setLatency(1_500)
    const impatient = new PlugchoiceClient({ base: new URL(api.baseUrl), token: api.token, timeoutMs: 150 })
    const error = await failure(impatient.getChargerPage(impatient.chargersUrl(1), 1))
    expect(error.code).toBe('timeout')
    expect(error.message).toMatch(/did not answer within 1 s/)
    expect(error.retryable).toBe(true)
  })

  it('can be cancelled', async () => {
    api.setLatency(1_500)
    const controller = new AbortController()
    const pending = client.getChargerPage(client.chargersUrl(1), 1, controller.signal)
    setTimeout(() => controller.abort(), 50)
    const error = await failure(pending)
    expect(error.code).toBe('cancelled')
    expect(error.retryable).toBe(false)
  })

  it('never sends anything to another origin', async () => {
    const other = await startSimulatedApi({ fleetSize: 5, token: api.token })
    try {
      const error = await failure(client.getChargerPage(new URL(`${other.baseUrl}/chargers?page=2`), 2))
      expect(error.code).toBe('foreign-link')
      expect(error.message).toContain(other.origin)
      expect(other.requests).toHaveLength(0)
    } finally {
      await other.stop()
    }
  })

  it('puts the token in no error message, stack or inspection of any error above', () => {
    expect(seenErrors.length).toBeGreaterThanOrEqual(12)
    const secret = api.token.split('|')[1] ?? api.token
    for (const error of seenErrors) {
      const text = `${String(error)}\n${(error as Error).stack}\n${inspect(error, { depth: 5 })}\n${JSON.stringify(error)}`
      expect(text).not.toContain(api.token)
      expect(text).not.toContain(secret)
    }
  })
})

describe('readRetryAfter', () => {
  it('reads seconds and HTTP dates, and ignores nonsense', () => {
    expect(readRetryAfter('7')).toBe(7000)
    expect(readRetryAfter(new Date(Date.UTC(2026, 0, 1, 0, 0, 30)).toUTCString(), Date.UTC(2026, 0, 1))).toBe(30_000)
    expect(readRetryAfter('soon')).toBeNull()
    expect(readRetryAfter(undefined)).toBeNull()
  })
})

async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}
