// The charger list's page links: which page a link names, whether two links name the same page, and which
// links may be followed at all (our origin only: the token is never sent anywhere else).
import { isSameOrigin } from '../api/api-base'
import { foreignLinkError, invalidResponse, type PlugchoiceError } from '../api/api-errors'

/** The N of a `…/chargers?page=N` link (other than per_page, no other parameter), else null. */
export function pagePattern(url: URL, chargersPath: string): number | null {
  if (trimSlash(url.pathname) !== trimSlash(chargersPath)) return null
  for (const name of url.searchParams.keys()) if (name !== 'page' && name !== 'per_page') return null
  const page = url.searchParams.get('page')
  return page !== null && /^[1-9]\d*$/.test(page) ? Number(page) : null
}

export function pageKey(page: number): string {
  return `page:${page}`
}

export function pageKeyOf(url: URL, chargersPath: string): string | null {
  const page = pagePattern(url, chargersPath)
  return page === null ? null : pageKey(page)
}

/** A URL compared regardless of parameter order. */
export function visitKey(url: URL): string {
  const sorted = new URLSearchParams([...url.searchParams.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  return `${url.origin}${trimSlash(url.pathname)}?${sorted.toString()}`
}

/** A next link as a URL on the API's origin, or the sync fails. */
export function checkNextLink(link: string, base: URL, page: number): URL {
  let url: URL
  try {
    url = new URL(link, base)
  } catch {
    throw invalidResponse({ kind: 'charger-page', page }, 'links.next is not a URL')
  }
  if (!isSameOrigin(url, base)) throw foreignLinkError(link, { kind: 'charger-page', page })
  return url
}

export function tooManyPages(page: number, maxPages: number): PlugchoiceError {
  return invalidResponse(
    { kind: 'charger-page', page },
    `the charger list goes on past ${maxPages.toLocaleString('en-US')} pages`,
  )
}

function trimSlash(path: string): string {
  return path.replace(/\/+$/, '')
}
