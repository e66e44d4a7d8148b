// One page of the charger list, with the retry rules: 5xx, network errors and timeouts back off exponentially
// with full jitter (bounded attempts); a 429 waits Retry-After (bounded waits); anything else fails at once.
// Every request goes through the rate budget first.
import { setTimeout as delay } from 'node:timers/promises'
import type { ParsedChargerPage } from '@shared/plugchoice-schemas'
import { cancelledError, isPlugchoiceError, type RateInfo } from '../api/api-errors'
import type { RateBudget } from './rate-budget'

/** What the syncer needs of PlugchoiceClient (an interface so the shape is explicit, not a second client). */
export interface ChargerPageSource {
  readonly base: URL
  readonly chargersPath: string
  chargersUrl(page: number, perPage?: number): URL
  getChargerPage(
    url: URL,
    pageNumber: number,
    signal?: AbortSignal,
  ): Promise<{ page: ParsedChargerPage; rate: RateInfo }>
}

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>

export interface RetryRules {
  client: ChargerPageSource
  budget: RateBudget
  sleep: Sleep
  random: () => number
  /** Attempts per page for 5xx, network errors and timeouts (the first try included). */
  maxAttempts: number
  /** How many times one page may wait out a 429 before the sync gives up. */
  maxRateLimitWaits: number
  backoffBaseMs: number
  backoffCapMs: number
  log: (line: string) => void
  /** A page is about to wait `ms`: to try again after `error`, or for the rate budget (error null). */
  onWait?: (reason: 'retry' | 'rate-budget', ms: number, error: unknown) => void
}

/** Counted per page (the waste of a read-ahead page not needed) and per walk (requests, 429s). */
export interface RequestCounters {
  attempts: number
  http429: number
}

export const defaultSleep: Sleep = async (ms, signal) => {
  try {
    await delay(ms, undefined, signal ? { signal } : undefined)
  } catch (error) {
    if (signal?.aborted) throw cancelledError()
    throw error
  }
}

/**
 * A read-ahead page retries only once `whenNeeded` resolves (every earlier page arrived with a next link),
 * so pages past the end cost one request each.
 */
export async function fetchPageWithRetries(
  rules: RetryRules,
  url: URL,
  page: number,
  signal: AbortSignal | undefined,
  whenNeeded: Promise<void> | null,
  counters: RequestCounters[],
): Promise<ParsedChargerPage> {
  const { client, budget, sleep, random, maxAttempts, maxRateLimitWaits, backoffBaseMs, backoffCapMs } = rules
  let failures = 0
  let rateLimitWaits = 0
  let pause = 0
  for (;;) {
    if (pause > 0) await sleep(pause, signal)
    const wait = budget.delayBeforeRequest()
    if (wait > 0) {
      rules.log(`waiting ${Math.ceil(wait / 1000)} s to stay within the rate budget`)
      rules.onWait?.('rate-budget', wait, null)
      await sleep(wait, signal)
    }
    if (signal?.aborted) throw cancelledError()
    budget.requestStarted()
    for (const counter of counters) counter.attempts += 1
    let rate: RateInfo | null = null
    try {
      const result = await client.getChargerPage(url, page, signal)
      rate = result.rate
      return result.page
    } catch (error) {
      if (isPlugchoiceError(error)) rate = error.rate
      if (!isPlugchoiceError(error) || !error.retryable) throw error
      if (error.code === 'rate-limited') {
        for (const counter of counters) counter.http429 += 1
        budget.rateLimited(error.retryAfterMs)
        if (++rateLimitWaits > maxRateLimitWaits) throw error
        pause = 0 // the budget now holds every request until Retry-After
      } else {
        if (++failures >= maxAttempts) throw error
        const ceiling = Math.min(backoffCapMs, backoffBaseMs * 2 ** (failures - 1))
        pause = Math.floor(random() * ceiling)
        rules.log(`page ${page}: ${error.code}; retry ${failures} of ${maxAttempts - 1} in ${pause} ms`)
      }
      // Said at once, not after the last attempt: the screen shows the failure within a moment of it.
      rules.onWait?.('retry', pause, error)
      if (whenNeeded) await abortable(whenNeeded, signal)
    } finally {
      budget.requestFinished(rate)
    }
  }
}

async function abortable(promise: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return promise
  if (signal.aborted) throw cancelledError()
  let onAbort!: () => void
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(cancelledError())
    signal.addEventListener('abort', onAbort, { once: true })
  })
  try {
    await Promise.race([promise, aborted])
  } finally {
    signal.removeEventListener('abort', onAbort)
  }
}
