// The ways a call to Plugchoice can fail, each with a sentence a person can act on. Messages are built from
// fixed templates plus facts we chose (status, page number, an OS error code): never from a URL's query, a
// header or a response body, so the token cannot leak into them even through a hostile server.
import { AppError } from '../core/app-error'
import { formatWait } from '@shared/format'

export const PLUGCHOICE_ERROR_KINDS = [
  'token-rejected',
  'forbidden',
  'rate-limited',
  'server-error',
  'unreachable',
  'timeout',
  'invalid-response',
  'foreign-link',
  'cancelled',
  'charger-no-answer',
  'not-accepted',
  'not-found',
] as const
export type PlugchoiceErrorKind = (typeof PLUGCHOICE_ERROR_KINDS)[number]

const RETRYABLE: ReadonlySet<PlugchoiceErrorKind> = new Set(['server-error', 'unreachable', 'timeout', 'rate-limited'])

export interface RateInfo {
  limit: number | null
  remaining: number | null
}

export class PlugchoiceError extends AppError {
  declare readonly code: PlugchoiceErrorKind
  /** The HTTP status when there was an answer. */
  readonly status: number | null
  /** How long Plugchoice asked us to wait (429 only). */
  readonly retryAfterMs: number | null
  /** The rate-limit headers of the failed answer, when it had them. */
  readonly rate: RateInfo | null

  constructor(
    kind: PlugchoiceErrorKind,
    message: string,
    details: { status?: number | null; retryAfterMs?: number | null; rate?: RateInfo | null } = {},
  ) {
    super(kind, message)
    this.name = 'PlugchoiceError'
    this.status = details.status ?? null
    this.retryAfterMs = details.retryAfterMs ?? null
    this.rate = details.rate ?? null
  }

  get kind(): PlugchoiceErrorKind {
    return this.code
  }

  /** Worth trying again after a pause: the same request may well succeed. */
  get retryable(): boolean {
    return RETRYABLE.has(this.code)
  }
}

export function isPlugchoiceError(error: unknown, kind?: PlugchoiceErrorKind): error is PlugchoiceError {
  return error instanceof PlugchoiceError && (kind === undefined || error.code === kind)
}

/** What was being read or sent, for messages: "the account details", "page 3 of the charger list". */
export type Subject =
  | { kind: 'user' }
  | { kind: 'charger-page'; page: number }
  | { kind: 'charger'; part: 'detail' | 'log' | 'command-run' }
  /** A write call: restart or a bulk command. Never retried, and its 403/422/504 mean something else. */
  | { kind: 'action'; what: 'restart' | 'bulk-command' }

const CHARGER_PARTS = {
  detail: "this charger's details",
  log: "this charger's OCPP log",
  'command-run': 'the progress of a command',
} as const

export function describeSubject(subject: Subject): string {
  if (subject.kind === 'user') return 'the account details'
  if (subject.kind === 'charger-page') return `page ${subject.page} of the charger list`
  if (subject.kind === 'charger') return CHARGER_PARTS[subject.part]
  return subject.what === 'restart' ? 'the answer to a restart' : 'the answer to a bulk command'
}

/** A refused write call in words: 403, 422 and 504 say something about the action, not about reading. */
function actionError(
  status: number,
  subject: Subject & { kind: 'action' },
  rate: RateInfo | null,
): PlugchoiceError | null {
  const action = subject.what === 'restart' ? 'restart this charger' : 'send this command'
  if (status === 403)
    return new PlugchoiceError(
      'forbidden',
      `Plugchoice does not allow this token to ${action} (HTTP 403): the token needs the full permission on the charger.`,
      { status, rate },
    )
  if (status === 422)
    return new PlugchoiceError(
      'not-accepted',
      `Plugchoice refused to ${action}: it found the request invalid (HTTP 422). Nothing was sent to the charger.`,
      { status, rate },
    )
  if (status === 504)
    return new PlugchoiceError(
      'charger-no-answer',
      'The charger did not answer in time (HTTP 504): it may be offline or busy. It may still act on the command.',
      { status, rate },
    )
  return null
}

/** An HTTP answer other than 2xx, as the error a person sees. */
export function errorFromStatus(
  status: number,
  subject: Subject,
  details: { retryAfterMs?: number | null; rate?: RateInfo | null } = {},
): PlugchoiceError {
  const what = describeSubject(subject)
  const rate = details.rate ?? null
  const refused = subject.kind === 'action' ? actionError(status, subject, rate) : null
  if (refused) return refused
  if (status === 401) {
    return new PlugchoiceError('token-rejected', 'Plugchoice rejected this token (it may be expired or revoked).', {
      status,
      rate,
    })
  }
  if (status === 403) {
    return new PlugchoiceError(
      'forbidden',
      `Plugchoice accepted the token but does not allow it to read ${what} (HTTP 403). Check the token's permissions in Plugchoice.`,
      { status, rate },
    )
  }
  if (status === 429) {
    const retryAfterMs = details.retryAfterMs ?? null
    const wait = retryAfterMs === null ? 'a moment' : formatWait(retryAfterMs)
    return new PlugchoiceError(
      'rate-limited',
      `Plugchoice is rate limiting this account (too many requests in the last minute); try again in ${wait}.`,
      { status, retryAfterMs, rate },
    )
  }
  if (status >= 500) {
    return new PlugchoiceError(
      'server-error',
      `Plugchoice had a server error (HTTP ${status}) while sending ${what}.`,
      {
        status,
        rate,
      },
    )
  }
  if (status === 404 && (subject.kind === 'charger' || subject.kind === 'action')) {
    return new PlugchoiceError('not-found', `Plugchoice does not know ${what} (HTTP 404): it may have been removed.`, {
      status,
      rate,
    })
  }
  const hint = status === 404 ? ' Check PLUGCHOICE_API_BASE.' : ''
  return new PlugchoiceError(
    'invalid-response',
    `Plugchoice sent an unexpected answer: ${what} came back as HTTP ${status}.${hint}`,
    { status, rate },
  )
}

export function invalidResponse(subject: Subject, reason: string): PlugchoiceError {
  return new PlugchoiceError(
    'invalid-response',
    `Plugchoice sent an invalid response: ${describeSubject(subject)} was not valid: ${reason}`,
  )
}

export function timeoutError(subject: Subject, timeoutMs: number): PlugchoiceError {
  return new PlugchoiceError(
    'timeout',
    `Plugchoice did not answer within ${formatWait(timeoutMs)} while sending ${describeSubject(subject)}.`,
  )
}

export function cancelledError(): PlugchoiceError {
  return new PlugchoiceError('cancelled', 'The request to Plugchoice was cancelled.')
}

/** A `links.next` naming another site: we stop rather than hand the token to it. Only the origin is named. */
export function foreignLinkError(link: string, subject: Subject): PlugchoiceError {
  let where: string
  try {
    where = new URL(link).origin
  } catch {
    where = 'an address that is not a valid URL'
  }
  return new PlugchoiceError(
    'foreign-link',
    `Plugchoice's link to the next page (on ${describeSubject(subject)}) points to ${where}, not to the configured API; the sync stopped so the token is not sent there.`,
  )
}

/** OS and undici error codes that mean "the network path failed", with the reason in words. */
const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  EPIPE: 'the connection was closed',
  ENOTFOUND: 'the server name could not be found (DNS)',
  EAI_AGAIN: 'the server name could not be looked up right now (DNS)',
  ENETUNREACH: 'the network is unreachable',
  EHOSTUNREACH: 'the host is unreachable',
  ENETDOWN: 'the network is down',
  EADDRNOTAVAIL: 'the address is not available',
  UND_ERR_SOCKET: 'the connection was closed unexpectedly',
  UND_ERR_CLOSED: 'the connection was closed',
}

/** Error codes that mean "no answer in time" rather than "no way there". */
const TIMEOUT_CODES = new Set([
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
])

/**
 * A failure before any HTTP answer (DNS, refused, reset, TLS, timeout) as a PlugchoiceError, or null when the
 * error is not one of those (a bug: let it surface as itself). The OS reason is named by code only.
 */
export function errorFromNetwork(
  error: unknown,
  subject: Subject,
  host: string,
  timeoutMs: number,
): PlugchoiceError | null {
  const code = typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : null
  if (code === null) return null
  if (TIMEOUT_CODES.has(code)) return timeoutError(subject, timeoutMs)
  const reason =
    NETWORK_REASONS[code] ??
    (isTlsCode(code) ? `the secure connection failed (${code})` : code.startsWith('E') ? `network error ${code}` : null)
  if (reason === null) return null
  const suffix = NETWORK_REASONS[code] ? ` (${code})` : ''
  return new PlugchoiceError('unreachable', `Cannot reach Plugchoice: ${reason}${suffix} at ${host}.`)
}

function isTlsCode(code: string): boolean {
  return (
    code.startsWith('ERR_TLS') ||
    code.startsWith('ERR_SSL') ||
    code.includes('CERT') ||
    code === 'EPROTO' ||
    code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' ||
    code === 'SELF_SIGNED_CERT_IN_CHAIN'
  )
}

/** Last line of defence: a message that somehow holds the secret has it blanked out. */
export function redactSecret<E extends Error>(error: E, secret: string): E {
  if (secret.length >= 4 && error.message.includes(secret)) {
    error.message = error.message.split(secret).join('[redacted]')
  }
  return error
}
