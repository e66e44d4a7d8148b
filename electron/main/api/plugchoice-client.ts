// The only code that talks HTTP to Plugchoice. Every request goes to the configured origin with the bearer
// token; anything else is refused before a byte is sent. Failures become PlugchoiceErrors (api-errors.ts).
import { request, type Dispatcher } from 'undici'
import {
  parseChargerPage,
  summarizeIssues,
  UserResponseSchema,
  type ParsedChargerPage,
  type User,
} from '@shared/plugchoice-schemas'
import {
  BulkRunResponseSchema,
  ChargerDetailResponseSchema,
  OcppLogPageSchema,
  RestartResponseSchema,
  type BulkCommandRequest,
  type BulkRun,
  type ChargerDetail,
  type OcppLogPage,
} from '@shared/charger-detail-schemas'
import type { z } from 'zod'
import { boundJson } from '@shared/record-bounds'
import { isSameOrigin } from './api-base'
import {
  cancelledError,
  errorFromNetwork,
  errorFromStatus,
  foreignLinkError,
  invalidResponse,
  PlugchoiceError,
  redactSecret,
  timeoutError,
  type RateInfo,
  type Subject,
} from './api-errors'

export const DEFAULT_TIMEOUT_MS = 20_000
/** A page of 100 chargers is ~100 KB; anything near this is not a Plugchoice page. */
const MAX_BODY_BYTES = 32 * 1024 * 1024

export interface PlugchoiceClientOptions {
  base: URL
  token: string
  /** Per request, from sending it to the last byte of the answer. */
  timeoutMs?: number
  dispatcher?: Dispatcher
}

export interface ChargerPageResult {
  page: ParsedChargerPage
  rate: RateInfo
}

/** An answer with the rate headers it came with (the budget counts every one). */
export interface Rated<T> {
  value: T
  rate: RateInfo
}

export interface LogQuery {
  page?: number
  method?: string
}

export class PlugchoiceClient {
  readonly base: URL
  readonly timeoutMs: number
  readonly #token: string
  readonly #dispatcher: Dispatcher | undefined

  constructor(options: PlugchoiceClientOptions) {
    this.base = new URL(options.base.href)
    this.#token = options.token
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
    this.#dispatcher = options.dispatcher
  }

  /** The token's account; also how a token is checked before it is stored. */
  async getUser(signal?: AbortSignal): Promise<User> {
    const subject: Subject = { kind: 'user' }
    const { json } = await this.#getJson(this.#endpoint('user'), subject, signal)
    const parsed = UserResponseSchema.safeParse(json)
    if (!parsed.success) throw invalidResponse(subject, summarizeIssues(parsed.error))
    return parsed.data
  }

  /** `…/chargers?page=N[&per_page=M]` on the configured base. */
  chargersUrl(page: number, perPage?: number): URL {
    const url = this.#endpoint('chargers')
    url.searchParams.set('page', String(page))
    if (perPage !== undefined) url.searchParams.set('per_page', String(perPage))
    return url
  }

  /** The path every page of the charger list shares (to recognise `?page=N` links). */
  get chargersPath(): string {
    return this.#endpoint('chargers').pathname
  }

  /**
   * One page of the charger list, validated: a broken envelope is an 'invalid-response' naming the page; a
   * broken record is reported in `page.rejected` and the others are kept.
   */
  async getChargerPage(url: URL, pageNumber: number, signal?: AbortSignal): Promise<ChargerPageResult> {
    const subject: Subject = { kind: 'charger-page', page: pageNumber }
    const { json, rate } = await this.#getJson(url, subject, signal)
    const parsed = parseChargerPage(json, pageNumber)
    if (!parsed.ok) throw invalidResponse(subject, parsed.reason)
    return { page: parsed.page, rate }
  }

  /** `GET /chargers/{uuid}`: the charger and its connectors (never its pincode). */
  async getChargerDetail(uuid: string, signal?: AbortSignal): Promise<Rated<ChargerDetail>> {
    const subject: Subject = { kind: 'charger', part: 'detail' }
    return this.#parsed(this.#chargerEndpoint(uuid), subject, ChargerDetailResponseSchema, signal)
  }

  /** `GET /chargers/{uuid}/logs`, significant messages only, newest first. */
  async getChargerLogs(uuid: string, query: LogQuery = {}, signal?: AbortSignal): Promise<Rated<OcppLogPage>> {
    const url = this.#chargerEndpoint(uuid, 'logs')
    url.searchParams.set('filter[hide_insignificant]', '1')
    url.searchParams.set('sort', '-created_at')
    if (query.method) url.searchParams.set('filter[method]', query.method)
    if (query.page !== undefined) url.searchParams.set('page', String(query.page))
    return this.#parsed(url, { kind: 'charger', part: 'log' }, OcppLogPageSchema, signal)
  }

  /** `POST /chargers/{uuid}/actions/restart`: the charger's own answer ("Accepted", "Rejected", …). */
  async restartCharger(uuid: string, signal?: AbortSignal): Promise<Rated<{ status: string }>> {
    const subject: Subject = { kind: 'action', what: 'restart' }
    return this.#parsed(this.#chargerEndpoint(uuid, 'actions/restart'), subject, RestartResponseSchema, signal, {})
  }

  /** `POST /chargers/commands/bulk`: the run, usually still running. */
  async startBulkCommand(body: BulkCommandRequest, signal?: AbortSignal): Promise<Rated<BulkRun>> {
    const subject: Subject = { kind: 'action', what: 'bulk-command' }
    return this.#parsed(this.#endpoint('chargers/commands/bulk'), subject, BulkRunResponseSchema, signal, body)
  }

  /** `GET /chargers/commands/bulk/{run}`. */
  async getBulkRun(runUuid: string, signal?: AbortSignal): Promise<Rated<BulkRun>> {
    const url = this.#endpoint(`chargers/commands/bulk/${encodeURIComponent(runUuid)}`)
    return this.#parsed(url, { kind: 'charger', part: 'command-run' }, BulkRunResponseSchema, signal)
  }

  #chargerEndpoint(uuid: string, tail?: string): URL {
    return this.#endpoint(`chargers/${encodeURIComponent(uuid)}${tail ? `/${tail}` : ''}`)
  }

  async #parsed<S extends z.ZodType>(
    url: URL,
    subject: Subject,
    schema: S,
    signal: AbortSignal | undefined,
    body?: unknown,
  ): Promise<Rated<z.output<S>>> {
    const { json, rate } = await this.#getJson(url, subject, signal, body)
    // Another party's data: cut to the contract's bounds before it is kept, cached or sent to the window.
    const parsed = schema.safeParse(boundJson(json))
    if (!parsed.success) throw invalidResponse(subject, summarizeIssues(parsed.error))
    return { value: parsed.data, rate }
  }

  #endpoint(name: string): URL {
    return new URL(`${this.base.href.replace(/\/+$/, '')}/${name}`)
  }

  /** A GET, or a POST of `body` as JSON when there is one. */
  async #getJson(
    url: URL,
    subject: Subject,
    signal?: AbortSignal,
    body?: unknown,
  ): Promise<{ json: unknown; rate: RateInfo }> {
    // The one check that keeps the token on the configured origin, whoever built the URL.
    if (!isSameOrigin(url, this.base)) throw foreignLinkError(url.href, subject)
    if (signal?.aborted) throw cancelledError()

    // Our own timer (not undici's coarse headersTimeout) so that the whole exchange, body included, is bounded
    // and we can tell a timeout from a cancellation.
    const controller = new AbortController()
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      controller.abort()
    }, this.timeoutMs)
    const onAbort = (): void => controller.abort()
    signal?.addEventListener('abort', onAbort, { once: true })

    try {
      const post = body !== undefined
      const response = await request(url, {
        method: post ? 'POST' : 'GET',
        headers: {
          accept: 'application/json',
          authorization: `Bearer ${this.#token}`,
          ...(post ? { 'content-type': 'application/json' } : {}),
        },
        ...(post ? { body: JSON.stringify(body) } : {}),
        signal: controller.signal,
        ...(this.#dispatcher ? { dispatcher: this.#dispatcher } : {}),
      })
      const rate = readRate(response.headers)
      if (response.statusCode < 200 || response.statusCode >= 300) {
        // Drain so the connection can be reused; the body is never shown (it could echo anything).
        await response.body.dump().catch(() => undefined)
        throw errorFromStatus(response.statusCode, subject, {
          retryAfterMs: readRetryAfter(response.headers['retry-after']),
          rate,
        })
      }
      const text = await readBody(response.body, subject)
      let json: unknown
      try {
        json = JSON.parse(text)
      } catch {
        throw invalidResponse(subject, describeNotJson(text, response.headers['content-type']))
      }
      return { json, rate }
    } catch (error) {
      if (error instanceof PlugchoiceError) throw redactSecret(error, this.#token)
      if (signal?.aborted) throw cancelledError()
      if (timedOut) throw timeoutError(subject, this.timeoutMs)
      const network = errorFromNetwork(error, subject, url.host, this.timeoutMs)
      if (network) throw redactSecret(network, this.#token)
      throw error instanceof Error ? redactSecret(error, this.#token) : error
    } finally {
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
    }
  }
}

type Headers = Record<string, string | string[] | undefined>

function header(headers: Headers, name: string): string | undefined {
  const value = headers[name]
  return Array.isArray(value) ? value[0] : value
}

function readRate(headers: Headers): RateInfo {
  return {
    limit: readInt(header(headers, 'x-ratelimit-limit')),
    remaining: readInt(header(headers, 'x-ratelimit-remaining')),
  }
}

function readInt(value: string | undefined): number | null {
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) return null
  return Number.parseInt(value, 10)
}

/** `Retry-After` as seconds or an HTTP date (RFC 9110 §10.2.3), in ms; null when absent or unreadable. */
export function readRetryAfter(raw: string | string[] | undefined, now = Date.now()): number | null {
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim()
  if (!value) return null
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000)
  const date = Date.parse(value)
  return Number.isNaN(date) ? null : Math.max(0, date - now)
}

async function readBody(body: AsyncIterable<Buffer | Uint8Array | string>, subject: Subject): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of body) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk)
    size += buffer.length
    if (size > MAX_BODY_BYTES)
      throw invalidResponse(subject, `the answer is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB`)
    chunks.push(buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

function describeNotJson(text: string, contentType: string | string[] | undefined): string {
  const type = (Array.isArray(contentType) ? contentType[0] : contentType)?.split(';')[0]?.trim()
  if (text.trim() === '') return 'the answer was empty'
  return `the answer was not JSON${type ? ` (it was ${type})` : ''}`
}
