// One walk through the charger list (FleetSyncer.sync starts one): page 1, then a bounded read-ahead where the
// links follow `?page=N`, else `links.next` one by one; every page checked, committed in order, counted. It
// returns the whole list or throws: nothing partial leaves a run.
import type { Charger, ParsedChargerPage, RejectedRecord } from '@shared/plugchoice-schemas'
import { cancelledError, PlugchoiceError } from '../api/api-errors'
import type { RunSettings, SyncProgress, SyncResult } from './fleet-sync'
import { checkNextLink, pageKey, pageKeyOf, pagePattern, tooManyPages, visitKey } from './page-links'
import { fetchPageWithRetries, type RequestCounters } from './page-retry'

type Outcome = { ok: true; page: ParsedChargerPage } | { ok: false; error: unknown }

interface PageFetch {
  outcome: Promise<Outcome>
  controller: AbortController
  /** Called when every earlier page has arrived with a next link: from then on this page is needed. */
  needed: () => void
  /** Requests sent for this page so far (retries included): the waste if it turns out not to be needed. */
  counter: RequestCounters
}

/** One walk through the list: its own counters, fetches in flight and abort controller. */
export class SyncRun {
  readonly #s: RunSettings
  readonly #signal: AbortSignal | undefined
  readonly #progress: (progress: SyncProgress) => void
  readonly #chargers = new Map<string, Charger>()
  readonly #rejected: RejectedRecord[] = []
  readonly #counters: RequestCounters = { attempts: 0, http429: 0 }
  #pages = 0

  constructor(settings: RunSettings, signal: AbortSignal | undefined, progress: (progress: SyncProgress) => void) {
    this.#s = settings
    this.#signal = signal
    this.#progress = progress
  }

  async execute(): Promise<SyncResult> {
    if (this.#signal?.aborted) throw cancelledError()
    const { client, perPage: askedPerPage } = this.#s
    const first = await this.#fetchWithRetries(client.chargersUrl(1, askedPerPage), 1, this.#signal, null)
    this.#commit(first)
    const perPage = first.perPage ?? first.chargers.length + first.rejected.length
    let wasted = 0

    if (first.next !== null) {
      const nextUrl = this.#checkLink(first.next, 1)
      const patterned = pagePattern(nextUrl, client.chargersPath) === 2 && (first.currentPage ?? 1) === 1
      if (this.#s.readAhead > 1 && patterned) {
        wasted = await this.#readAhead(2)
      } else {
        await this.#followLinks(nextUrl, new Set([visitKey(client.chargersUrl(1, askedPerPage)), pageKey(1)]))
      }
    }

    // Records that all break the schema are a changed or broken API, not an empty fleet: replacing the last
    // good fleet (and the offline copy) with nothing would tell the user every charger is gone.
    if (this.#chargers.size === 0 && this.#rejected.length > 0) {
      throw new PlugchoiceError(
        'invalid-response',
        `Plugchoice sent a charger list the app cannot read: none of its ${this.#rejected.length} records was valid (${this.#rejected[0]!.reason}).`,
      )
    }

    return {
      chargers: [...this.#chargers.values()],
      rejected: this.#rejected,
      pages: this.#pages,
      requests: this.#counters.attempts,
      wastedRequests: wasted,
      perPage,
      http429: this.#counters.http429,
    }
  }

  /**
   * Pages `start`, `start+1`, … built from our own `?page=N` URL, up to `readAhead` in flight, committed in
   * order. Stops at the first page without `next`; pages past it that were already asked for are the waste
   * (at most readAhead-1). If a page's `next` leaves the pattern, continues one link at a time from there.
   * Returns the number of wasted requests.
   */
  async #readAhead(start: number): Promise<number> {
    // Our own URL keeps asking for the same page size even if the server's links drop per_page (Laravel's
    // paginator does unless told otherwise); a server that ignores per_page ignores it on every page alike.
    const { client, readAhead, perPage } = this.#s
    const inFlight = new Map<number, PageFetch>()
    let lastPage = Number.POSITIVE_INFINITY
    let nextToLaunch = start
    let committedUpTo = start - 1
    /** Requests not answered yet: a new one goes out as soon as any answers, not only the oldest. */
    let unanswered = 0
    let over = false

    // Up to `readAhead` unanswered at once, and answered pages held for in-order commit stay within
    // another `readAhead`: one slow page does not stall the others, nor make memory grow without bound.
    const launch = (): void => {
      while (
        !over &&
        unanswered < readAhead &&
        nextToLaunch <= lastPage &&
        nextToLaunch - committedUpTo <= 2 * readAhead &&
        this.#withinLimit(nextToLaunch)
      ) {
        const page = nextToLaunch++
        const controller = new AbortController()
        const signal = this.#signal ? AbortSignal.any([this.#signal, controller.signal]) : controller.signal
        let needed!: () => void
        const whenNeeded = new Promise<void>((resolve) => (needed = resolve))
        const counter: RequestCounters = { attempts: 0, http429: 0 }
        const outcome = this.#fetchWithRetries(
          client.chargersUrl(page, perPage),
          page,
          signal,
          whenNeeded,
          counter,
        ).then(
          (parsed): Outcome => {
            // A page past the end tells us where the end is before its predecessors arrive.
            if (parsed.next === null) lastPage = Math.min(lastPage, page)
            return { ok: true, page: parsed }
          },
          (error: unknown): Outcome => ({ ok: false, error }),
        )
        unanswered += 1
        void outcome.then(() => {
          unanswered -= 1
          launch()
        })
        inFlight.set(page, { outcome, controller, needed, counter })
      }
    }

    const discardRest = (): number => {
      over = true
      let wasted = 0
      for (const fetch of inFlight.values()) {
        fetch.controller.abort()
        wasted += fetch.counter.attempts
      }
      inFlight.clear()
      return wasted
    }

    try {
      for (let page = start; ; page++) {
        committedUpTo = page - 1
        launch()
        const fetch = inFlight.get(page)
        if (!fetch) throw tooManyPages(page, this.#s.maxPages)
        fetch.needed()
        const outcome = await fetch.outcome
        inFlight.delete(page)
        if (!outcome.ok) throw outcome.error
        this.#commit(outcome.page)
        if (outcome.page.next === null) return discardRest()
        const nextUrl = this.#checkLink(outcome.page.next, page)
        if (pagePattern(nextUrl, client.chargersPath) !== page + 1) {
          this.#s.log(`page ${page}: the next link leaves the ?page=N pattern; following links one by one`)
          const wasted = discardRest()
          const visited = new Set<string>()
          for (let p = 1; p <= page; p++) visited.add(pageKey(p))
          await this.#followLinks(nextUrl, visited, page + 1)
          return wasted
        }
      }
    } finally {
      discardRest()
    }
  }

  /** The documented walk: follow `links.next`, one page at a time, until it is null or repeats a page. */
  async #followLinks(firstUrl: URL, visited: Set<string>, firstPage = 2): Promise<void> {
    let url: URL | null = firstUrl
    for (let page = firstPage; url !== null; page++) {
      // Either spelling of a page already read (same URL, or the same ?page=N) means the links loop.
      const keys = [visitKey(url), pageKeyOf(url, this.#s.client.chargersPath)].filter((key) => key !== null)
      if (keys.some((key) => visited.has(key))) {
        this.#s.log(`page ${page - 1}: the next link repeats a page already read; stopping the walk there`)
        return
      }
      if (!this.#withinLimit(page)) throw tooManyPages(page, this.#s.maxPages)
      for (const key of keys) visited.add(key)
      const parsed = await this.#fetchWithRetries(url, page, this.#signal, null)
      this.#commit(parsed)
      url = parsed.next === null ? null : this.#checkLink(parsed.next, page)
    }
  }

  #withinLimit(page: number): boolean {
    return page <= this.#s.maxPages
  }

  #checkLink(link: string, page: number): URL {
    return checkNextLink(link, this.#s.client.base, page)
  }

  #commit(page: ParsedChargerPage): void {
    this.#pages += 1
    // A charger that moved to a later page during the walk is read twice: keep one, with the newer data.
    for (const charger of page.chargers) this.#chargers.set(charger.uuid, charger)
    this.#rejected.push(...page.rejected)
    for (const rejected of page.rejected) {
      this.#s.log(`page ${rejected.page}, record ${rejected.index}: left out (${rejected.reason})`)
    }
    this.#progress({ pagesRead: this.#pages, chargersRead: this.#chargers.size, page: page.chargers })
  }

  #fetchWithRetries(
    url: URL,
    page: number,
    signal: AbortSignal | undefined,
    whenNeeded: Promise<void> | null,
    counter?: RequestCounters,
  ): Promise<ParsedChargerPage> {
    const counters = counter ? [this.#counters, counter] : [this.#counters]
    return fetchPageWithRetries(this.#s, url, page, signal, whenNeeded, counters)
  }
}
