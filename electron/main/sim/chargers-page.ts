// One page of the simulated `GET /chargers`, as Laravel's paginator writes it (data, links, meta), or broken
// on purpose in one of the ways a real proxy or a bad deploy breaks it (malformPage, setNextLink).
import type { Charger } from '@shared/plugchoice-schemas'

export const DEFAULT_PER_PAGE = 25

export type PageMalformation = 'not-json' | 'no-data' | 'bad-record'

export type NextLinkOverride = (page: number, defaultNext: string | null) => string | null

/** The index of the record that `malformPage(page, 'bad-record')` breaks on a page of this length. */
export function badRecordIndex(pageLength: number): number {
  return Math.floor(pageLength / 2)
}

function parsePositiveInt(value: string | null): number | null {
  if (value == null || !/^\d+$/.test(value)) return null
  const parsed = Number(value)
  return parsed >= 1 && Number.isSafeInteger(parsed) ? parsed : null
}

/** The page number a request asks for (1 when none or not a positive integer). */
export function pageNumber(url: URL): number {
  return parsePositiveInt(url.searchParams.get('page')) ?? 1
}

/** Laravel's paginator with withQueryString(): the request's other parameters first, then page. */
export function pageLink(origin: string, url: URL, page: number): string {
  const link = new URL(`${origin}${url.pathname}`)
  for (const [key, value] of url.searchParams) if (key !== 'page') link.searchParams.append(key, value)
  link.searchParams.set('page', String(page))
  return link.toString()
}

export interface PageRequest {
  fleet: readonly Charger[]
  origin: string
  url: URL
  /** `per_page` is honoured up to this cap; 0 ignores it. */
  maxPerPage: number
  nextLink: NextLinkOverride | null
  malformation: PageMalformation | undefined
}

/** The body of the page asked for: an object to send as JSON, or (not-json) the text of a truncated one. */
export function chargersPage({ fleet, origin, url, maxPerPage, nextLink, malformation }: PageRequest): unknown {
  const page = pageNumber(url)
  const requested = parsePositiveInt(url.searchParams.get('per_page'))
  const perPage = maxPerPage > 0 && requested != null ? Math.min(requested, maxPerPage) : DEFAULT_PER_PAGE
  const start = (page - 1) * perPage
  const data: unknown[] = fleet.slice(start, start + perPage)
  const defaultNext = start + perPage < fleet.length ? pageLink(origin, url, page + 1) : null
  const body: Record<string, unknown> = {
    data,
    links: {
      first: pageLink(origin, url, 1),
      last: null,
      prev: page > 1 ? pageLink(origin, url, page - 1) : null,
      next: nextLink ? nextLink(page, defaultNext) : defaultNext,
    },
    meta: {
      current_page: page,
      from: data.length ? start + 1 : null,
      path: `${origin}${url.pathname}`,
      per_page: perPage,
      to: data.length ? start + data.length : null,
    },
  }
  if (malformation === 'no-data') delete body.data
  if (malformation === 'bad-record' && data.length > 0) {
    const index = badRecordIndex(data.length)
    const { uuid: _uuid, ...withoutUuid } = data[index] as Charger
    data[index] = withoutUuid
  }
  if (malformation === 'not-json') {
    const text = JSON.stringify(body)
    return text.slice(0, Math.floor(text.length / 2))
  }
  return body
}
