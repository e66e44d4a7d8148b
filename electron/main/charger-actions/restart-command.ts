// One restart (POST /chargers/{uuid}/actions/restart) as an outcome in words, and the watch after an
// accepted one: a few GET /chargers/{uuid} (through the budget) until the charger is back online, or the
// sentence that it has not come back.
import type { RestartOutcome, RestartWatch } from '@shared/charger-actions-schemas'
import { isPlugchoiceError } from '../api/api-errors'
import type { PlugchoiceClient } from '../api/plugchoice-client'
import { toAppError } from '../core/app-error'
import type { Sleep } from '../sync/page-retry'
import { budgetedCall, type CallRules } from './budgeted-call'
import type { ChargerReads } from './charger-reads'

export interface WatchTiming {
  /** The first look, then one every `everyMs`, giving up after `giveUpMs`. */
  firstMs: number
  everyMs: number
  giveUpMs: number
}

export const DEFAULT_WATCH: WatchTiming = { firstMs: 10_000, everyMs: 15_000, giveUpMs: 5 * 60_000 }

export async function sendRestart(
  client: PlugchoiceClient,
  rules: CallRules,
  uuid: string,
  now: () => number,
): Promise<RestartOutcome> {
  const at = new Date(now()).toISOString()
  try {
    const { status } = await budgetedCall(rules, 'write', (signal) => client.restartCharger(uuid, signal))
    if (status === 'Accepted')
      return { uuid, outcome: 'accepted', answer: status, at, message: 'The charger accepted the restart.' }
    return {
      uuid,
      outcome: 'rejected',
      answer: status,
      at,
      message: `The charger answered “${status}”: it did not restart.`,
    }
  } catch (error) {
    const info = toAppError(error)
    if (isPlugchoiceError(error, 'forbidden'))
      return { uuid, outcome: 'forbidden', answer: null, at, message: info.message }
    if (isPlugchoiceError(error, 'charger-no-answer') || isPlugchoiceError(error, 'timeout'))
      return { uuid, outcome: 'no-answer', answer: null, at, message: info.message }
    return { uuid, outcome: 'failed', answer: null, at, message: info.message }
  }
}

/** Watches one restarted charger; `state()` answers without a request. */
export class RestartWatcher {
  #state: RestartWatch

  constructor(
    private readonly uuid: string,
    private readonly reads: ChargerReads,
    private readonly sleep: Sleep,
    private readonly timing: WatchTiming,
    private readonly signal: AbortSignal,
  ) {
    this.#state = { uuid, state: 'waiting', message: 'Restarting: waiting for the charger to come back online…' }
  }

  state(): RestartWatch {
    return this.#state
  }

  async run(restartedAt: number): Promise<void> {
    let waited = 0
    let pause = this.timing.firstMs
    while (waited + pause <= this.timing.giveUpMs) {
      await this.sleep(pause, this.signal)
      waited += pause
      pause = this.timing.everyMs
      try {
        const { charger } = await this.reads.detail(this.uuid, true)
        const connectedAt = Date.parse(charger.last_connection_at ?? '')
        if (charger.connection_status === 'online' && connectedAt >= restartedAt - 1000) {
          this.#state = { uuid: this.uuid, state: 'back', message: 'The charger is back online after the restart.' }
          return
        }
      } catch (error) {
        if (this.signal.aborted) return
        // One failed look is not the answer; the next one may get through.
        void error
      }
    }
    const minutes = Math.round(this.timing.giveUpMs / 60_000)
    this.#state = {
      uuid: this.uuid,
      state: 'not-back',
      message: `The charger has not come back online ${minutes} min after the restart.`,
    }
  }
}
