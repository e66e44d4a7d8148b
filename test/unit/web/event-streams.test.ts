// The web preview's bridge over real HTTP: open event streams are capped, and a stream whose reader stops
// reading is disconnected once it falls too far behind instead of buffering without end.
import { connect, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { afterEach, describe, expect, it } from 'vitest'
import type { CommandHandlers } from '@main/ipc/command-dispatch'
import { PREVIEW_SECRET_HEADER as SECRET_HEADER } from '@shared/constants'
import { startBridgeServer, type BridgeServer } from '@web/bridge-server'

let server: BridgeServer | null = null
let send: (event: string, payload: unknown) => void = () => {}
const sockets: Socket[] = []

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy()
  await server?.close()
  server = null
})

async function start(limits: { streams: number; bufferedBytes: number }) {
  server = await startBridgeServer({
    port: 0,
    staticDir: tmpdir(),
    handlers: {} as CommandHandlers,
    subscribe: (listener) => {
      send = listener
      return () => {}
    },
    streamLimits: limits,
  })
  return server
}

/** A raw GET /ipc/events; resolves with the status line once the headers arrive. */
function openStream(bridge: BridgeServer, secret: string): Promise<{ socket: Socket; status: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(bridge.port, '127.0.0.1')
    sockets.push(socket)
    socket.once('error', reject)
    socket.write(`GET /ipc/events HTTP/1.1\r\nHost: 127.0.0.1:${bridge.port}\r\n${SECRET_HEADER}: ${secret}\r\n\r\n`)
    socket.once('data', (chunk) => resolve({ socket, status: chunk.toString('latin1').split('\r\n')[0]! }))
  })
}

const secretOf = (bridge: BridgeServer) => new URL(bridge.url).hash.replace('#secret=', '')

describe('bridge event streams', () => {
  it('refuses a stream beyond the cap with a clear error, and accepts one again when a tab closes', async () => {
    const bridge = await start({ streams: 3, bufferedBytes: 1024 * 1024 })
    const opened = await Promise.all([1, 2, 3].map(() => openStream(bridge, secretOf(bridge))))
    expect(opened.map((o) => o.status)).toEqual(Array(3).fill('HTTP/1.1 200 OK'))
    const refused = await openStream(bridge, secretOf(bridge))
    expect(refused.status).toBe('HTTP/1.1 503 Service Unavailable')
    opened[0]!.socket.destroy()
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect((await openStream(bridge, secretOf(bridge))).status).toBe('HTTP/1.1 200 OK')
  })

  it('disconnects a reader that stopped reading once it is too far behind; others keep receiving', async () => {
    const bridge = await start({ streams: 4, bufferedBytes: 256 * 1024 })
    const stalled = await openStream(bridge, secretOf(bridge))
    stalled.socket.pause()
    const live = await openStream(bridge, secretOf(bridge))
    let liveBytes = 0
    live.socket.on('data', (chunk) => (liveBytes += chunk.length))
    let stalledClosed = false
    stalled.socket.once('close', () => (stalledClosed = true))
    const payload = { blob: 'x'.repeat(64 * 1024) }
    // 64 MB in all: far more than the socket buffers hold for a reader that does not read.
    for (let i = 0; i < 1000 && !stalledClosed; i++) {
      send('fleet:status', payload)
      await new Promise((resolve) => setImmediate(resolve))
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
    stalled.socket.resume()
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(stalledClosed).toBe(true)
    expect(liveBytes).toBeGreaterThan(64 * 1024 * 10)
    expect(live.socket.destroyed).toBe(false)
  })
})
