// The web preview's client against a real HTTP server on 127.0.0.1 that speaks the documented protocol
// (POST /ipc/<command>, GET /ipc/events as text/event-stream, X-Plugfleet-Secret). The real preview server
// is exercised end to end by the Playwright specs; this pins the client's side of the protocol.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createWebBridge, REFUSED_MESSAGE, type WebBridge } from '@renderer/transport/web/web-bridge'
import { validateBridge } from '@renderer/transport/validate-bridge'

const SECRET = 'a1b2c3d4e5f60718293a4b5c6d7e8f90'

const authStatus = {
  state: 'signed-in',
  account: { uuid: 'acc-1', name: 'Ada', email: 'ada@example.com' },
  tokenSaved: true,
  keychain: { available: true, reason: null },
  message: null,
}

interface Seen {
  path: string
  secret: string | undefined
  body: string
}

async function body(request: IncomingMessage): Promise<string> {
  let text = ''
  for await (const chunk of request) text += chunk
  return text
}

function startServer(answers: Record<string, (res: ServerResponse) => void> = {}) {
  const seen: Seen[] = []
  const streams: ServerResponse[] = []
  let connections = 0
  const server: Server = createServer((req, res) => void respond(req, res))
  async function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const text = await body(req)
    const secret = req.headers['x-plugfleet-secret'] as string | undefined
    seen.push({ path: req.url ?? '', secret, body: text })
    if (secret !== SECRET) {
      res.writeHead(401, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ ok: false, error: { code: 'bridge-secret', message: 'Missing or wrong secret.' } }))
      return
    }
    if (req.url === '/ipc/events') {
      connections++
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' })
      res.write(': hello\n\n')
      streams.push(res)
      return
    }
    const command = req.url?.replace('/ipc/', '') ?? ''
    const answer = answers[command]
    if (answer) return answer(res)
    res.writeHead(200, { 'Content-Type': 'application/json' })
    res.end(JSON.stringify({ ok: true, data: authStatus }))
  }
  return new Promise<{
    url: string
    seen: Seen[]
    streams: ServerResponse[]
    connections: () => number
    server: Server
  }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        seen,
        streams,
        connections: () => connections,
        server,
      }),
    ),
  )
}

const cleanups: Array<() => void> = []
afterEach(() => {
  while (cleanups.length) cleanups.pop()!()
})

async function connect(secret: string | null, answers?: Record<string, (res: ServerResponse) => void>) {
  const server = await startServer(answers)
  const web: WebBridge = createWebBridge({ baseUrl: server.url, secret, minDelayMs: 20, maxDelayMs: 100 })
  cleanups.push(() => {
    web.close()
    for (const stream of server.streams) stream.destroy()
    server.server.closeAllConnections()
    server.server.close()
  })
  return { server, web, api: validateBridge(web.bridge, { answersValidatedByMain: false }) }
}

const until = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 200; i++) {
    if (check()) return
    await new Promise((r) => setTimeout(r, 10))
  }
  throw new Error(`gave up waiting for ${what}`)
}

describe('the web preview transport', () => {
  it('posts a command with the secret and its request, and omits the request when there is none', async () => {
    const { server, api } = await connect(SECRET)
    expect(await api.invoke['auth:status'](undefined)).toEqual({ ok: true, data: authStatus })
    await api.invoke['auth:sign-in']({ token: 'tok' })
    const posts = server.seen.filter((s) => s.path !== '/ipc/events')
    expect(posts).toEqual([
      { path: '/ipc/auth:status', secret: SECRET, body: '{}' },
      { path: '/ipc/auth:sign-in', secret: SECRET, body: '{"request":{"token":"tok"}}' },
    ])
  })

  it('turns an answer that breaks the contract into a clear error', async () => {
    const { api } = await connect(SECRET, {
      'auth:status': (res) => res.end(JSON.stringify({ ok: true, data: { state: 'nonsense' } })),
    })
    const result = await api.invoke['auth:status'](undefined)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('invalid-response')
  })

  it('passes on the server error of a refused command', async () => {
    const { api } = await connect(SECRET, {
      'fleet:refresh': (res) => {
        res.writeHead(400, { 'Content-Type': 'application/json' })
        res.end(
          JSON.stringify({ ok: false, error: { code: 'invalid-request', message: 'Bad request for fleet:refresh.' } }),
        )
      },
    })
    expect(await api.invoke['fleet:refresh'](undefined)).toEqual({
      ok: false,
      error: { code: 'invalid-request', message: 'Bad request for fleet:refresh.' },
    })
  })

  it('a wrong secret ends in the "open the link" state and stops asking', async () => {
    const { server, web, api } = await connect('ffffffffffffffffffff')
    const refusals: string[] = []
    web.transport.onRefused((error) => refusals.push(error.message))
    const result = await api.invoke['auth:status'](undefined)
    expect(result).toMatchObject({ ok: false, error: { message: REFUSED_MESSAGE } })
    await web.transport.ready
    expect(refusals).toEqual([REFUSED_MESSAGE])
    const before = server.seen.length
    await api.invoke['auth:status'](undefined)
    expect(server.seen.length).toBe(before)
  })

  it('delivers validated events, drops invalid ones, and resyncs after the stream comes back', async () => {
    const { server, web, api } = await connect(SECRET)
    const shown: string[] = []
    const connection: boolean[] = []
    let resyncs = 0
    api.on('ui:show-charger', (payload) => shown.push(payload.uuid))
    web.transport.onResync(() => resyncs++)
    web.transport.onConnection((connected) => connection.push(connected))
    await web.transport.ready
    await until(() => server.streams.length === 1, 'the event stream')
    server.streams[0]!.write('event: ui:show-charger\ndata: {"uuid":"c-1"}\n\n')
    server.streams[0]!.write('event: ui:show-charger\ndata: {"uuid":42}\n\n')
    server.streams[0]!.write('event: ui:show-charger\ndata: not json\n\n')
    await until(() => shown.length === 1, 'the first event')

    server.streams[0]!.destroy()
    await until(() => server.connections() === 2 && resyncs === 1, 'a reconnect')
    server.streams[1]!.write('event: ui:show-charger\ndata: {"uuid":"c-2"}\n\n')
    await until(() => shown.length === 2, 'an event after the reconnect')
    expect(shown).toEqual(['c-1', 'c-2'])
    expect(connection).toEqual([true, false, true])
  })

  it('says the app is not answering when the server is gone', async () => {
    const { server, api } = await connect(SECRET)
    for (const stream of server.streams) stream.destroy()
    server.server.closeAllConnections()
    await new Promise((resolve) => server.server.close(resolve))
    const result = await api.invoke['fleet:snapshot'](undefined)
    expect(result).toMatchObject({ ok: false, error: { code: 'preview-unreachable' } })
  })
})
