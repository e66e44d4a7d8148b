// Where the Plugchoice API lives. The base decides which origin may ever receive the bearer token, so it is
// checked once, here: https only, except plain http to this machine (the simulated API, local tests).
import { isIP } from 'node:net'
import { AppError } from '../core/app-error'

export const DEFAULT_API_BASE = 'https://app.plugchoice.com/api/v3'

/**
 * The API base from `PLUGCHOICE_API_BASE` (or the default), as a URL whose path has no trailing slash.
 * Throws an AppError ('invalid-api-base') with a sentence naming the problem; never returns a base that would
 * send the token in clear text over a network.
 */
export function resolveApiBase(raw: string | undefined = process.env.PLUGCHOICE_API_BASE): URL {
  const text = raw?.trim() || DEFAULT_API_BASE
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw invalid(`"${text}" is not a URL. Use e.g. ${DEFAULT_API_BASE}.`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalid(`it must start with https:// (got ${url.protocol}).`)
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw invalid(
      `plain http is only allowed to this machine (localhost, 127.0.0.1, ::1); ${url.hostname} needs https so the token is not sent in clear text.`,
    )
  }
  if (url.username || url.password) throw invalid('it must not contain a user name or password.')
  if (url.search || url.hash) throw invalid('it must not contain a query (?…) or a fragment (#…).')
  url.pathname = url.pathname.replace(/\/+$/, '')
  return url
}

/** True when `url` may receive the token: same scheme, host and port as the configured base. */
export function isSameOrigin(url: URL, base: URL): boolean {
  return url.origin === base.origin
}

/** 127.0.0.0/8, ::1 and localhost: the only hosts plain http may reach. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase()
  if (host === 'localhost' || host === 'localhost.') return true
  if (isIP(host) === 4) return host.startsWith('127.')
  if (isIP(host) === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1'
  return false
}

function invalid(reason: string): AppError {
  return new AppError('invalid-api-base', `PLUGCHOICE_API_BASE is not usable: ${reason}`)
}
