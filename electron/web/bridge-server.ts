// The web preview's loopback bridge: serves the built renderer and carries the IPC contract over HTTP for a
// browser, in place of Electron IPC. It only listens on 127.0.0.1 and refuses, before any handler runs:
// a foreign Host (DNS rebinding), a foreign Origin (another site in the same browser), a missing or wrong
// one-time secret. Commands go through the same validating dispatcher as Electron IPC.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import type { AddressInfo } from 'node:net'
import { dispatchCommand, type CommandTable } from '@main/ipc/command-dispatch'
import type { IpcResult } from '@shared/ipc-contract'
import { EventStreams, MAX_BUFFERED_BYTES, MAX_EVENT_STREAMS } from './event-streams'

import { PREVIEW_SECRET_HEADER as SECRET_HEADER } from '@shared/constants'
/** An export request lists every uuid of a view: 200,000 uuids fit comfortably. */
const MAX_BODY_BYTES = 16 * 1024 * 1024
const KEEPALIVE_MS = 15_000

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
}

export interface BridgeServerOptions {
  /** 0 picks a free port. */
  port: number
  /** The web preview's built renderer (out/web-renderer). */
  staticDir: string
  handlers: CommandTable
  /** Subscribes the bridge to every renderer event; returns the unsubscribe. */
  subscribe(send: (event: string, payload: unknown) => void): () => void
  /** Bounds of the event streams (tests make them small). */
  streamLimits?: { streams: number; bufferedBytes: number }
}

export interface BridgeServer {
  /** The URL to open, one-time secret included (in the fragment, so it never reaches a log or a Referer). */
  url: string
  origin: string
  port: number
  close(): Promise<void>
}

export async function startBridgeServer(options: BridgeServerOptions): Promise<BridgeServer> {
  const secret = randomBytes(24).toString('hex')
  const streams = new EventStreams(
    options.streamLimits ?? { streams: MAX_EVENT_STREAMS, bufferedBytes: MAX_BUFFERED_BYTES },
  )
  let port = options.port

  const server: Server = createServer((request, response) => {
    void handle(request, response).catch(() => {
      if (!response.headersSent) sendJson(response, 500, failure('internal', 'The web preview failed to answer.'))
      else response.destroy()
    })
  })

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`]
    if (!allowedHosts.includes(request.headers.host ?? '')) {
      return sendJson(response, 403, failure('forbidden-host', 'This server only answers on its own loopback address.'))
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`)
    const pathname = safeDecode(url.pathname)
    if (pathname === null) return sendJson(response, 400, failure('invalid-request', 'The address is not valid.'))
    if (!pathname.startsWith('/ipc/')) return serveStatic(pathname, request, response)

    const origin = request.headers.origin
    if (origin !== undefined && !allowedHosts.map((host) => `http://${host}`).includes(origin)) {
      return sendJson(response, 403, failure('forbidden-origin', 'Requests from other sites are refused.'))
    }
    if (!secretMatches(request.headers[SECRET_HEADER])) {
      return sendJson(
        response,
        401,
        failure('missing-secret', 'Open the link printed by `npm run web`: it carries the secret.'),
      )
    }
    if (pathname === '/ipc/events' && request.method === 'GET') {
      if (!streams.canOpen()) {
        return sendJson(
          response,
          503,
          failure('too-many-streams', 'Too many tabs of the web preview are open; close one and reload this one.'),
        )
      }
      return openEventStream(response)
    }
    if (request.method !== 'POST') return sendJson(response, 405, failure('method-not-allowed', 'Commands are POSTed.'))
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(response, 415, failure('invalid-request', 'Commands are sent as application/json.'))
    }
    const body = await readJsonBody(request)
    if (!body.ok) {
      // The rest of an oversized body is not read: close the connection rather than leave it unusable.
      response.setHeader('Connection', 'close')
      return sendJson(response, body.status, failure('invalid-request', body.message))
    }
    const command = pathname.slice('/ipc/'.length)
    const payload =
      body.value !== null && typeof body.value === 'object' ? (body.value as { request?: unknown }).request : undefined
    const result = await dispatchCommand(options.handlers, command, payload)
    sendJson(response, 200, result)
  }

  function secretMatches(header: string | string[] | undefined): boolean {
    if (typeof header !== 'string') return false
    const given = Buffer.from(header)
    const expected = Buffer.from(secret)
    return given.length === expected.length && timingSafeEqual(given, expected)
  }

  function openEventStream(response: ServerResponse): void {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      Connection: 'keep-alive',
    })
    response.write(': connected\n\n')
    streams.add(response)
    const keepalive = setInterval(() => streams.write(response, ': keepalive\n\n'), KEEPALIVE_MS)
    response.on('close', () => clearInterval(keepalive))
  }

  async function serveStatic(pathname: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return sendJson(response, 405, failure('method-not-allowed', 'Read only.'))
    const relative = normalize(pathname === '/' ? '/index.html' : pathname).replace(/^([/\\])+/, '')
    const file = join(options.staticDir, relative)
    if (relative.startsWith('..') || !file.startsWith(options.staticDir + sep)) {
      return sendJson(response, 404, failure('not-found', 'No such file.'))
    }
    let content: Buffer
    try {
      content = await readFile(file)
    } catch {
      return sendJson(response, 404, failure('not-found', 'No such file.'))
    }
    response.writeHead(200, {
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'DENY',
    })
    response.end(request.method === 'HEAD' ? undefined : content)
  }

  const unsubscribe = options.subscribe((event, payload) => {
    const frame = `event: ${event}\ndata: ${asciiJson(payload)}\n\n`
    streams.broadcast(frame)
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  const origin = `http://127.0.0.1:${port}`

  return {
    url: `${origin}/#secret=${secret}`,
    origin,
    port,
    async close() {
      unsubscribe()
      streams.endAll()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

function safeDecode(path: string): string | null {
  try {
    return decodeURIComponent(path)
  } catch {
    return null
  }
}

function failure(code: string, message: string): IpcResult<never> {
  return { ok: false, error: { code, message } }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  })
  response.end(asciiJson(body))
}

/**
 * JSON with every non-ASCII character escaped (\uXXXX). Equivalent JSON, but a browser decodes an all-ASCII
 * body into a one-byte string: for a 10,000-charger snapshot with a handful of accented site names that is
 * about 50 ms less before the list can paint (measured in the renderer benchmark).
 */
export function asciiJson(value: unknown): string {
  const json = JSON.stringify(value)
  // As many bytes as characters: nothing to escape, and no 50 ms regex pass over a 9 MB snapshot.
  if (Buffer.byteLength(json, 'utf8') === json.length) return json
  return json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

async function readJsonBody(
  request: IncomingMessage,
): Promise<{ ok: true; value: unknown } | { ok: false; status: number; message: string }> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) return { ok: false, status: 413, message: 'The request is too large.' }
    chunks.push(chunk as Buffer)
  }
  if (size === 0) return { ok: true, value: {} }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) }
  } catch {
    return { ok: false, status: 400, message: 'The request body is not valid JSON.' }
  }
}
