// The simulator's write calls. Restart: 403 without the full permission, 504 (after a wait) for a charger
// that is not online, else the charger's answer (a few always reject), then offline for the downtime and back
// with a BootNotification. Bulk runs: 202 with a running run whose per-charger results land one step apart;
// chargers the token may not touch are skipped_forbidden at once, offline ones come back offline.
import { randomUUID } from 'node:crypto'
import { BULK_COMMANDS, type BulkResult, type BulkRun } from '@shared/charger-detail-schemas'
import type { Charger } from '@shared/plugchoice-schemas'
import { apiTimestamp } from './fleet-generator'
import { hash, type ChargerLogs } from './charger-detail-sim'

export interface CommandSimOptions {
  /** How long a restarted charger stays offline (default 20 s). */
  restartDowntimeMs?: number
  /** Between two chargers' results in a bulk run (default 400 ms). */
  bulkStepMs?: number
  /** How long an offline charger keeps a restart waiting before the 504 (default 1.5 s). */
  noAnswerMs?: number
}

export interface FleetAccess {
  get(uuid: string): Charger | undefined
  update(uuid: string, patch: Partial<Charger>): void
  logs: ChargerLogs
  clock: () => number
}

export type SimAnswer = { status: number; body: unknown }

/** The one in ten chargers whose firmware answers Rejected to a reset (by uuid, so tests can find them). */
export function rejectsReset(charger: Charger): boolean {
  return hash(charger.uuid) % 10 === 3
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

export class CommandSim {
  readonly #runs = new Map<string, BulkRun>()
  readonly #timers = new Set<ReturnType<typeof setTimeout>>()
  readonly #downtimeMs: number
  readonly #stepMs: number
  readonly #noAnswerMs: number

  constructor(
    private readonly fleet: FleetAccess,
    options: CommandSimOptions = {},
  ) {
    this.#downtimeMs = options.restartDowntimeMs ?? 20_000
    this.#stepMs = options.bulkStepMs ?? 400
    this.#noAnswerMs = options.noAnswerMs ?? 1_500
  }

  async restart(uuid: string): Promise<SimAnswer> {
    const charger = this.fleet.get(uuid)
    if (!charger) return { status: 404, body: { message: 'No query results for model [App\\Models\\Charger].' } }
    if (!charger.permissions?.full) return { status: 403, body: { message: 'This action is unauthorized.' } }
    if (charger.connection_status !== 'online') {
      await sleep(this.#noAnswerMs)
      return { status: 504, body: { message: 'The charger did not respond in time.' } }
    }
    const answer = this.#reset(charger, 'Hard')
    return { status: 200, body: { status: answer } }
  }

  startBulk(body: unknown): SimAnswer {
    const request = body as { command?: unknown; data?: unknown; charger_ids?: unknown } | null
    const errors: Record<string, string[]> = {}
    if (!request || !BULK_COMMANDS.includes(request.command as (typeof BULK_COMMANDS)[number]))
      errors.command = ['The selected command is invalid.']
    const ids = request?.charger_ids
    if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string'))
      errors.charger_ids = ['The charger ids field is required.']
    if (Object.keys(errors).length > 0) return { status: 422, body: { message: 'The given data was invalid.', errors } }
    const uuids = [...new Set(ids as string[])]
    const run: BulkRun = {
      uuid: randomUUID(),
      command: request!.command as string,
      data: request!.data ?? {},
      status: 'running',
      total_count: uuids.length,
      sent_count: 0,
      offline_count: 0,
      error_count: 0,
      skipped_count: 0,
      results: uuids.map((uuid) => ({ charger_uuid: uuid, status: 'pending', message: null, executed_at: null })),
    }
    this.#runs.set(run.uuid, run)
    // Forbidden chargers are known at once; the others are sent one step apart.
    let step = 0
    run.results!.forEach((result, index) => {
      const charger = this.fleet.get(result.charger_uuid)
      if (!charger?.permissions?.full) {
        this.#settle(run, index, 'skipped_forbidden', 'This token may not act on this charger.')
        return
      }
      result.charger = { uuid: charger.uuid, identity: charger.identity ?? null, reference: charger.reference ?? null }
      this.#later(++step * this.#stepMs, () => this.#execute(run, index))
    })
    this.#finishIfDone(run)
    return { status: 202, body: { data: structuredClone(run) } }
  }

  bulkRun(runUuid: string): SimAnswer {
    const run = this.#runs.get(runUuid)
    if (!run) return { status: 404, body: { message: 'No query results for model [App\\Models\\BulkCommand].' } }
    return { status: 200, body: { data: structuredClone(run) } }
  }

  stop(): void {
    for (const timer of this.#timers) clearTimeout(timer)
    this.#timers.clear()
  }

  #execute(run: BulkRun, index: number): void {
    const result = run.results![index] as BulkResult
    const charger = this.fleet.get(result.charger_uuid)
    if (!charger || charger.connection_status !== 'online') {
      this.#settle(run, index, 'offline', 'The charger is not connected.')
    } else {
      const data = (run.data ?? {}) as Record<string, unknown>
      const answer = this.#apply(charger, run.command, data)
      if (answer === 'Accepted') this.#settle(run, index, 'sent', 'Accepted')
      else this.#settle(run, index, 'error', `The charger answered ${answer}.`)
    }
    this.#finishIfDone(run)
  }

  /** What the charger does with one command, and its answer. */
  #apply(charger: Charger, command: string, data: Record<string, unknown>): string {
    const id = charger.id ?? 0
    const at = apiTimestamp(this.fleet.clock())
    if (command === 'Reset') return this.#reset(charger, data.type === 'Soft' ? 'Soft' : 'Hard')
    if (command === 'ChangeAvailability') {
      const status = data.type === 'Inoperative' ? 'Unavailable' : 'Available'
      this.fleet.logs.append(charger, id, {
        method: 'ChangeAvailability',
        destination: 'charger',
        status: 'done',
        params: data,
        result: { status: 'Accepted' },
      })
      this.fleet.update(charger.uuid, { status, error: 'NoError', updated_at: at })
      this.fleet.logs.statusNotification(this.fleet.get(charger.uuid)!, id)
      return 'Accepted'
    }
    if (command === 'TriggerMessage') {
      this.fleet.logs.append(charger, id, {
        method: 'TriggerMessage',
        destination: 'charger',
        status: 'done',
        params: data,
        result: { status: 'Accepted' },
      })
      this.fleet.logs.statusNotification(charger, id)
      return 'Accepted'
    }
    return 'NotSupported'
  }

  #reset(charger: Charger, type: 'Soft' | 'Hard'): string {
    const id = charger.id ?? 0
    const answer = rejectsReset(charger) ? 'Rejected' : 'Accepted'
    this.fleet.logs.append(charger, id, {
      method: 'Reset',
      destination: 'charger',
      status: 'done',
      params: { type },
      result: { status: answer },
    })
    if (answer !== 'Accepted') return answer
    this.fleet.update(charger.uuid, {
      connection_status: 'offline',
      last_disconnection_at: apiTimestamp(this.fleet.clock()),
    })
    this.#later(this.#downtimeMs, () => {
      const now = apiTimestamp(this.fleet.clock())
      this.fleet.update(charger.uuid, {
        connection_status: 'online',
        status: charger.status === 'Faulted' ? 'Faulted' : 'Available',
        last_connection_at: now,
        last_heartbeat_at: now,
        updated_at: now,
      })
      const back = this.fleet.get(charger.uuid)
      if (!back) return
      this.fleet.logs.bootNotification(back, id)
      this.fleet.logs.statusNotification(back, id)
    })
    return answer
  }

  #settle(run: BulkRun, index: number, status: string, message: string): void {
    const result = run.results![index] as BulkResult
    result.status = status
    result.message = message
    result.executed_at = apiTimestamp(this.fleet.clock())
    const field = {
      sent: 'sent_count',
      offline: 'offline_count',
      error: 'error_count',
      skipped_forbidden: 'skipped_count',
    }[status] as 'sent_count' | 'offline_count' | 'error_count' | 'skipped_count'
    run[field] = (run[field] ?? 0) + 1
  }

  #finishIfDone(run: BulkRun): void {
    if (run.results!.every((result) => result.status !== 'pending')) run.status = 'completed'
  }

  #later(ms: number, task: () => void): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer)
      task()
    }, ms)
    timer.unref?.()
    this.#timers.add(timer)
  }
}
