// A bulk command: one POST /chargers/commands/bulk, then GET /chargers/commands/bulk/{run} every two seconds
// (as the docs suggest, and through the rate budget) until Plugchoice says `completed`. Chargers the window
// asked for but this token may not act on are not sent at all: they are listed as skipped beside the
// server's own results.
import type { BulkAction, BulkRunView } from '@shared/charger-actions-schemas'
import type { BulkCommandRequest, BulkResult, BulkRun } from '@shared/charger-detail-schemas'
import type { PlugchoiceClient } from '../api/plugchoice-client'
import { toAppError } from '../core/app-error'
import type { Sleep } from '../sync/page-retry'
import { budgetedCall, type CallRules } from './budgeted-call'

export const POLL_EVERY_MS = 2_000
/** A run that is still running after this long is left to Plugchoice; the window says so. */
export const GIVE_UP_AFTER_MS = 10 * 60_000

/** The OCPP 1.6 command and payload of each action the window offers. */
export function bulkPayload(action: BulkAction): Pick<BulkCommandRequest, 'command' | 'data'> {
  switch (action) {
    case 'restart-soft':
      return { command: 'Reset', data: { type: 'Soft' } }
    case 'restart-hard':
      return { command: 'Reset', data: { type: 'Hard' } }
    case 'make-unavailable':
      return { command: 'ChangeAvailability', data: { connectorId: 0, type: 'Inoperative' } }
    case 'make-available':
      return { command: 'ChangeAvailability', data: { connectorId: 0, type: 'Operative' } }
    case 'refresh-status':
      return { command: 'TriggerMessage', data: { requestedMessage: 'StatusNotification' } }
  }
}

export interface BulkRunDeps {
  client: PlugchoiceClient
  rules: CallRules
  sleep: Sleep
  now: () => number
  signal: AbortSignal
  pollEveryMs?: number
}

/** One run: its view for the window (answered from memory) and the polling loop behind it. */
export class BulkRunTracker {
  #view: BulkRunView
  readonly #local: BulkResult[]

  private constructor(
    private readonly deps: BulkRunDeps,
    action: BulkAction,
    run: BulkRun,
    local: BulkResult[],
  ) {
    this.#local = local
    this.#view = toView(action, run, local, new Date(deps.now()).toISOString(), null)
  }

  /** Sends the command (never retried); the run is then polled in the background until it completes. */
  static async start(
    deps: BulkRunDeps,
    action: BulkAction,
    uuids: string[],
    skipped: BulkResult[],
  ): Promise<BulkRunTracker> {
    const body: BulkCommandRequest = { ...bulkPayload(action), charger_ids: uuids }
    const run = await budgetedCall(deps.rules, 'write', (signal) => deps.client.startBulkCommand(body, signal))
    const tracker = new BulkRunTracker(deps, action, run, skipped)
    void tracker.#poll(run)
    return tracker
  }

  get view(): BulkRunView {
    return this.#view
  }

  /** Resolves when polling has ended (tests wait for it). */
  done: Promise<void> = Promise.resolve()

  #poll(first: BulkRun): Promise<void> {
    this.done = (async () => {
      const started = this.deps.now()
      let run = first
      while (run.status !== 'completed') {
        if (this.deps.now() - started > GIVE_UP_AFTER_MS) {
          this.#fail(run, 'Plugchoice has not finished this command after 10 min; check it in Plugchoice.')
          return
        }
        try {
          await this.deps.sleep(this.deps.pollEveryMs ?? POLL_EVERY_MS, this.deps.signal)
          run = await budgetedCall(this.deps.rules, 'read', (signal) => this.deps.client.getBulkRun(first.uuid, signal))
        } catch (error) {
          this.#fail(run, `The progress of this command could not be read: ${toAppError(error).message}`)
          return
        }
        this.#view = toView(this.#view.action, run, this.#local, this.#view.startedAt, null)
      }
    })()
    return this.done
  }

  #fail(run: BulkRun, message: string): void {
    this.#view = { ...toView(this.#view.action, run, this.#local, this.#view.startedAt, null), status: 'failed' }
    this.#view.problem = { code: 'poll-stopped', message }
  }
}

function toView(
  action: BulkAction,
  run: BulkRun,
  local: BulkResult[],
  startedAt: string,
  problem: BulkRunView['problem'],
): BulkRunView {
  const results = [...(run.results ?? []), ...local]
  return {
    runUuid: run.uuid,
    action,
    status: run.status === 'completed' ? 'completed' : 'running',
    total: (run.total_count ?? run.results?.length ?? 0) + local.length,
    sent: run.sent_count ?? 0,
    offline: run.offline_count ?? 0,
    error: run.error_count ?? 0,
    skipped: (run.skipped_count ?? 0) + local.length,
    results,
    startedAt,
    problem,
  }
}
