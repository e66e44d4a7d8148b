// One call to Plugchoice for a single charger, under the same rules as the list's pages: it waits for the
// rate budget the sync shares (so clicking through chargers cannot push polling over the limit), is counted
// in it, and a read retries 5xx, network errors and timeouts with full-jitter backoff and waits out 429s.
// A write is sent once: a retried restart could reset a charger twice.
import { cancelledError, isPlugchoiceError, type RateInfo } from '../api/api-errors'
import type { Rated } from '../api/plugchoice-client'
import { defaultSleep, type Sleep } from '../sync/page-retry'
import type { RateBudget } from '../sync/rate-budget'

export interface CallRules {
  budget: RateBudget
  sleep?: Sleep
  random?: () => number
  /** Attempts for a read (the first included). */
  maxAttempts?: number
  maxRateLimitWaits?: number
  backoffBaseMs?: number
  backoffCapMs?: number
  log?: (line: string) => void
}

export async function budgetedCall<T>(
  rules: CallRules,
  kind: 'read' | 'write',
  call: (signal?: AbortSignal) => Promise<Rated<T>>,
  signal?: AbortSignal,
): Promise<T> {
  const sleep = rules.sleep ?? defaultSleep
  const maxAttempts = kind === 'write' ? 1 : (rules.maxAttempts ?? 3)
  const maxRateLimitWaits = kind === 'write' ? 0 : (rules.maxRateLimitWaits ?? 2)
  let failures = 0
  let rateLimitWaits = 0
  let pause = 0
  for (;;) {
    if (pause > 0) await sleep(pause, signal)
    const wait = rules.budget.delayBeforeRequest()
    if (wait > 0) {
      rules.log?.(`charger call waits ${Math.ceil(wait / 1000)} s to stay within the rate budget`)
      await sleep(wait, signal)
    }
    if (signal?.aborted) throw cancelledError()
    rules.budget.requestStarted()
    let rate: RateInfo | null = null
    try {
      const answer = await call(signal)
      rate = answer.rate
      return answer.value
    } catch (error) {
      if (isPlugchoiceError(error)) rate = error.rate
      if (!isPlugchoiceError(error)) throw error
      if (error.code === 'rate-limited') {
        rules.budget.rateLimited(error.retryAfterMs)
        if (++rateLimitWaits > maxRateLimitWaits) throw error
        pause = 0
      } else {
        // A write's timeout or 5xx is not retried: the charger may have acted on it already.
        if (!error.retryable || ++failures >= maxAttempts) throw error
        const ceiling = Math.min(rules.backoffCapMs ?? 8_000, (rules.backoffBaseMs ?? 500) * 2 ** (failures - 1))
        pause = Math.floor((rules.random ?? Math.random)() * ceiling)
      }
    } finally {
      rules.budget.requestFinished(rate)
    }
  }
}
