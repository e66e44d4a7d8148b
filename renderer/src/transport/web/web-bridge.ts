// The web preview's transport (`npm run web`): commands are POST /ipc/<command>, events one text/event-stream
// read with fetch (EventSource cannot send the secret header). The stream reconnects with backoff; after a
// reconnect the app is told to re-fetch whole state, since events sent while it was away are lost.
import type { AppErrorInfo } from '@shared/app-schemas'
import { COMMANDS, isEventName, type CommandName, type EventName } from '@shared/ipc-channels'
import type { Transport, UntrustedBridge } from '../bridge-types'
import { SseParser } from './sse-parser'

import { PREVIEW_SECRET_HEADER as SECRET_HEADER } from '@shared/constants'

export const REFUSED_MESSAGE = 'This page is not allowed to talk to the app. Open the link printed by npm run web.'

export interface WebBridgeOptions {
  /** Origin of the preview server, e.g. http://127.0.0.1:5173 */
  baseUrl: string
  secret: string | null
  fetch?: typeof fetch
  /** Reconnect delays grow from this (ms) up to maxDelayMs, with jitter. */
  minDelayMs?: number
  maxDelayMs?: number
}

export interface WebBridge {
  bridge: UntrustedBridge
  transport: Transport
  /** Stops the event stream for good (tests, page unload). */
  close(): void
}

const unreachable: AppErrorInfo = {
  code: 'preview-unreachable',
  message: 'The app is not answering. Is npm run web still running?',
}

export function createWebBridge(options: WebBridgeOptions): WebBridge {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis)
  const minDelay = options.minDelayMs ?? 250
  const maxDelay = options.maxDelayMs ?? 10_000
  const secret = options.secret
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  const resyncListeners = new Set<() => void>()
  const refusedListeners = new Set<(error: AppErrorInfo) => void>()
  const connectionListeners = new Set<(connected: boolean) => void>()
  let connected: boolean | null = null

  function setConnected(value: boolean): void {
    if (connected === value) return
    connected = value
    for (const listener of [...connectionListeners]) listener(value)
  }
  const abort = new AbortController()
  let refusal: AppErrorInfo | null = null
  let resolveReady!: () => void
  const ready = new Promise<void>((resolve) => (resolveReady = resolve))
  let readySettled = false

  function settleReady(): void {
    if (!readySettled) {
      readySettled = true
      resolveReady()
    }
  }

  function refuse(error: AppErrorInfo): void {
    if (refusal) return
    refusal = { code: error.code, message: REFUSED_MESSAGE }
    abort.abort()
    settleReady()
    for (const listener of refusedListeners) listener(refusal)
  }

  function headers(extra: Record<string, string>): Record<string, string> {
    return secret ? { ...extra, [SECRET_HEADER]: secret } : extra
  }

  async function readError(response: Response): Promise<AppErrorInfo> {
    try {
      const body = (await response.json()) as { ok?: unknown; error?: { code?: unknown; message?: unknown } }
      if (body && body.ok === false && typeof body.error?.message === 'string') {
        const code = typeof body.error.code === 'string' ? body.error.code : String(response.status)
        return { code, message: body.error.message }
      }
    } catch {
      // Not JSON: fall through to a generic error.
    }
    return { code: `http-${response.status}`, message: `The app answered with HTTP ${response.status}.` }
  }

  async function invoke(command: CommandName, request: unknown): Promise<unknown> {
    if (refusal) return { ok: false, error: refusal }
    if (!secret) {
      refuse({ code: 'no-secret', message: REFUSED_MESSAGE })
      return { ok: false, error: refusal }
    }
    let response: Response
    try {
      response = await doFetch(`${options.baseUrl}/ipc/${command}`, {
        method: 'POST',
        headers: headers({ 'Content-Type': 'application/json' }),
        body: JSON.stringify(request === undefined ? {} : { request }),
        credentials: 'omit',
      })
    } catch {
      return { ok: false, error: unreachable }
    }
    if (response.status === 401 || response.status === 403) {
      refuse(await readError(response))
      return { ok: false, error: refusal }
    }
    if (!response.ok) {
      // The server's own IpcResult error (e.g. 400 for a malformed command) when it sent one.
      return { ok: false, error: await readError(response) }
    }
    try {
      const text = await response.text()
      performance.mark(`plugfleet:${command}-received`)
      const parsed = JSON.parse(text) as unknown
      performance.mark(`plugfleet:${command}-parsed`)
      return parsed
    } catch {
      return { ok: false, error: { code: 'invalid-response', message: 'The app sent an answer that is not JSON.' } }
    }
  }

  function dispatch(event: string, data: string): void {
    if (!isEventName(event)) return
    let payload: unknown
    try {
      payload = JSON.parse(data)
    } catch {
      console.warn(`Dropped a ${event} event that is not JSON`)
      return
    }
    for (const listener of [...(listeners.get(event) ?? [])]) listener(payload)
  }

  /** One connection: resolves when the stream ends or fails; returns whether it had connected. */
  async function streamOnce(): Promise<boolean> {
    const response = await doFetch(`${options.baseUrl}/ipc/events`, {
      headers: headers({ Accept: 'text/event-stream' }),
      credentials: 'omit',
      signal: abort.signal,
    })
    if (response.status === 401 || response.status === 403) {
      refuse(await readError(response))
      return false
    }
    if (!response.ok || !response.body) return false
    if (readySettled) for (const listener of [...resyncListeners]) listener()
    settleReady()
    setConnected(true)
    const parser = new SseParser()
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      for (const message of parser.push(value)) dispatch(message.event, message.data)
    }
    return true
  }

  async function runEvents(): Promise<void> {
    if (!secret) {
      refuse({ code: 'no-secret', message: REFUSED_MESSAGE })
      return
    }
    let attempt = 0
    while (!abort.signal.aborted) {
      let connected = false
      try {
        connected = await streamOnce()
      } catch {
        // Dropped or unreachable: retried below.
      }
      if (abort.signal.aborted) return
      setConnected(false)
      // The app must not hang on a first connection that failed: it loads, and resyncs once events flow.
      settleReady()
      attempt = connected ? 1 : attempt + 1
      const base = Math.min(maxDelay, minDelay * 2 ** (attempt - 1))
      const delay = base * (0.8 + Math.random() * 0.4)
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay)
        abort.signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true })
      })
    }
  }

  void runEvents()

  const invokers = Object.fromEntries(
    COMMANDS.map((command) => [command, (request: unknown) => invoke(command, request)]),
  ) as UntrustedBridge['invoke']

  return {
    bridge: {
      invoke: invokers,
      on(event, listener) {
        let set = listeners.get(event)
        if (!set) listeners.set(event, (set = new Set()))
        set.add(listener)
        return () => set.delete(listener)
      },
    },
    transport: {
      kind: 'web',
      ready,
      onResync(listener) {
        resyncListeners.add(listener)
        return () => resyncListeners.delete(listener)
      },
      onConnection(listener) {
        connectionListeners.add(listener)
        return () => connectionListeners.delete(listener)
      },
      onRefused(listener) {
        refusedListeners.add(listener)
        if (refusal) listener(refusal)
        return () => refusedListeners.delete(listener)
      },
      get refusal() {
        return refusal
      },
    },
    close() {
      abort.abort()
    },
  }
}
