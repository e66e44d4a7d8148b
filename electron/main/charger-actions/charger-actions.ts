// The main-process side of "diagnose and act" (issue 12), for one signed-in session: reads of one charger
// (cached with their age), the permission gate every write passes (`permissions.full`, from the freshest copy
// of the charger the app has), restart with its watch, and bulk runs. Writes happen only here, only for a
// confirmed request; the same request twice while the first is under way shares its one POST; every write is
// recorded. It shares the sync's client and rate budget: attach() is called with them per session.
import type {
  BulkAction,
  BulkRunView,
  ChargerDetailView,
  LogRequest,
  LogView,
  RestartOutcome,
  RestartWatch,
} from '@shared/charger-actions-schemas'
import { BULK_ACTION_LABELS, MAX_BULK_SELECTION } from '@shared/charger-actions-schemas'
import type { BulkResult } from '@shared/charger-detail-schemas'
import { chargerLabel } from '@shared/fleet-health'
import type { Charger } from '@shared/plugchoice-schemas'
import type { PlugchoiceClient } from '../api/plugchoice-client'
import { AppError, toAppError } from '../core/app-error'
import { defaultSleep, type Sleep } from '../sync/page-retry'
import type { RateBudget } from '../sync/rate-budget'
import { ActionLog, type ActionRecord } from './action-log'
import { BulkRunTracker } from './bulk-runs'
import type { CallRules } from './budgeted-call'
import { ChargerReads } from './charger-reads'
import { fileReadsStore, removeReadsStore } from './charger-reads-store'
import { DEFAULT_WATCH, RestartWatcher, sendRestart, type WatchTiming } from './restart-command'

export interface ChargerActionsDeps {
  /** The list's copy of the chargers (the fleet model owns them): names and permissions before a detail read. */
  lookup(): Promise<(uuid: string) => Charger | undefined>
  /** A charger's detail was read from Plugchoice (a look, a refresh, a restart's watch) in the current session. */
  onDetail?: (view: ChargerDetailView) => void
  /** Whose action log to write (the signed-in account). */
  accountUuid(): Promise<string | null>
  userDataDir: string
  now?: () => number
  sleep?: Sleep
  random?: () => number
  watch?: WatchTiming
  pollEveryMs?: number
  freshMs?: number
  log?: (line: string) => void
  /** Where each action is recorded (the fleet history); without one, the account's actions-<account>.jsonl. */
  actionSink?: (entry: ActionRecord) => void
}

interface Session {
  client: PlugchoiceClient
  rules: CallRules
  reads: ChargerReads
  abort: AbortController
  watchers: Map<string, RestartWatcher>
  runs: Map<string, BulkRunTracker>
  pending: Map<string, Promise<unknown>>
}

export class ChargerActions {
  #session: Session | null = null
  readonly #now: () => number
  readonly #sleep: Sleep

  constructor(private readonly deps: ChargerActionsDeps) {
    this.#now = deps.now ?? Date.now
    this.#sleep = deps.sleep ?? defaultSleep
  }

  /** A new session (sign-in, demo): its client and the budget its sync uses. Forgets the previous one. */
  attach(client: PlugchoiceClient, budget: RateBudget): void {
    this.detach()
    const rules: CallRules = {
      budget,
      sleep: this.#sleep,
      ...(this.deps.random ? { random: this.deps.random } : {}),
      ...(this.deps.log ? { log: this.deps.log } : {}),
    }
    const session: Session = {
      client,
      rules,
      reads: new ChargerReads({
        client,
        rules,
        now: this.#now,
        // A read that lands after a sign-out or another sign-in tells the fleet nothing.
        onDetail: (view) => {
          if (this.#session === session) this.deps.onDetail?.(view)
        },
        ...(this.deps.freshMs ? { freshMs: this.deps.freshMs } : {}),
        persistence: fileReadsStore(this.deps.userDataDir, () => this.deps.accountUuid()),
        ...(this.deps.log ? { log: this.deps.log } : {}),
      }),
      abort: new AbortController(),
      watchers: new Map(),
      runs: new Map(),
      pending: new Map(),
    }
    this.#session = session
  }

  /** Signed out or another account: nothing read or watched for the old one survives. */
  detach(): void {
    this.#session?.abort.abort()
    this.#session = null
  }

  /** Sign-out: the account's offline copy of charger details goes too (its record of actions stays). */
  async signedOut(accountUuid: string): Promise<void> {
    this.detach()
    await removeReadsStore(this.deps.userDataDir, accountUuid).catch((error: unknown) =>
      this.deps.log?.(`the offline copy of charger details could not be removed: ${toAppError(error).message}`),
    )
  }

  get attached(): boolean {
    return this.#session !== null
  }

  async detail(uuid: string, refresh = false): Promise<ChargerDetailView> {
    return this.#need().reads.detail(uuid, refresh)
  }

  async log(request: LogRequest): Promise<LogView> {
    return this.#need().reads.log(request)
  }

  async restart(uuid: string): Promise<RestartOutcome> {
    const session = this.#need()
    return this.#once(session, `restart:${uuid}`, async () => {
      const charger = this.#mayAct(session, uuid, await this.deps.lookup())
      const outcome = await sendRestart(session.client, session.rules, uuid, this.#now)
      await this.#record('restart', [uuid], outcome.answer ?? outcome.message)
      if (outcome.outcome === 'accepted') this.#watch(session, uuid, Date.parse(outcome.at))
      this.deps.log?.(`restart ${chargerLabel(charger)}: ${outcome.outcome}`)
      return outcome
    })
  }

  restartWatch(uuid: string): RestartWatch {
    const watcher = this.#session?.watchers.get(uuid)
    return watcher?.state() ?? { uuid, state: 'none', message: null }
  }

  async startBulk(action: BulkAction, uuids: string[]): Promise<BulkRunView> {
    const session = this.#need()
    const unique = [...new Set(uuids)]
    return this.#once(session, `bulk:${action}:${[...unique].sort().join(',')}`, async () => {
      if (unique.length > MAX_BULK_SELECTION) {
        throw new AppError(
          'too-many',
          `${unique.length} chargers are selected; one command can go to at most ${MAX_BULK_SELECTION}. Narrow the selection and send it in parts.`,
        )
      }
      const allowed: string[] = []
      const skipped: BulkResult[] = []
      const lookup = await this.deps.lookup()
      for (const uuid of unique) {
        const charger = this.#known(session, uuid, lookup)
        if (charger?.permissions?.full === true) allowed.push(uuid)
        else
          skipped.push({
            charger_uuid: uuid,
            status: 'skipped_forbidden',
            message: 'Not sent: this token may not act on this charger (no full permission).',
            executed_at: null,
            charger: charger
              ? { uuid, identity: charger.identity ?? null, reference: charger.reference ?? null }
              : null,
          })
      }
      if (allowed.length === 0) {
        throw new AppError(
          'not-allowed',
          'Nothing was sent: this token may not act on any of the selected chargers (the full permission is missing).',
        )
      }
      try {
        const tracker = await BulkRunTracker.start(
          {
            client: session.client,
            rules: session.rules,
            sleep: this.#sleep,
            now: this.#now,
            signal: session.abort.signal,
            ...(this.deps.pollEveryMs ? { pollEveryMs: this.deps.pollEveryMs } : {}),
          },
          action,
          allowed,
          skipped,
        )
        session.runs.set(tracker.view.runUuid, tracker)
        void tracker.done.then(() => {
          const view = tracker.view
          const summary = `${view.sent} sent, ${view.offline} offline, ${view.error} error, ${view.skipped} skipped`
          return this.#record(BULK_ACTION_LABELS[action], unique, `${view.status}: ${summary}`)
        })
        return tracker.view
      } catch (error) {
        await this.#record(BULK_ACTION_LABELS[action], unique, toAppError(error).message)
        throw error
      }
    })
  }

  bulkRun(runUuid: string): BulkRunView {
    const tracker = this.#need().runs.get(runUuid)
    if (!tracker)
      throw new AppError('not-found', 'The app knows no command run by that name (it may be from before a sign-in).')
    return tracker.view
  }

  /** Records of this account's write calls, oldest first. */
  async records() {
    return (await this.#actionLog())?.read() ?? []
  }

  async #actionLog(): Promise<ActionLog | null> {
    const account = await this.deps.accountUuid()
    return account ? new ActionLog(this.deps.userDataDir, account) : null
  }

  #need(): Session {
    if (!this.#session) throw new AppError('signed-out', 'Sign in to Plugchoice first.')
    return this.#session
  }

  #known(session: Session, uuid: string, lookup: (uuid: string) => Charger | undefined): Charger | undefined {
    return session.reads.cachedDetail(uuid)?.charger ?? lookup(uuid)
  }

  /** The gate: a write only for a charger this app knows and whose token has the full permission. */
  #mayAct(session: Session, uuid: string, lookup: (uuid: string) => Charger | undefined): Charger {
    const charger = this.#known(session, uuid, lookup)
    if (!charger) throw new AppError('not-found', 'That charger is no longer in the fleet.')
    if (charger.permissions?.full !== true) {
      throw new AppError(
        'not-allowed',
        `This token may not act on ${chargerLabel(charger)}: Plugchoice gives it no full permission on this charger.`,
      )
    }
    return charger
  }

  #watch(session: Session, uuid: string, restartedAt: number): void {
    const watcher = new RestartWatcher(
      uuid,
      session.reads,
      this.#sleep,
      this.deps.watch ?? DEFAULT_WATCH,
      session.abort.signal,
    )
    session.watchers.set(uuid, watcher)
    void watcher.run(restartedAt).catch(() => undefined)
  }

  /** The same request while the first is under way gets the first's answer: one POST per double click. */
  #once<T>(session: Session, key: string, task: () => Promise<T>): Promise<T> {
    const pending = session.pending.get(key)
    if (pending) return pending as Promise<T>
    const run = task().finally(() => session.pending.delete(key))
    session.pending.set(key, run)
    return run
  }

  async #record(action: string, chargers: string[], answer: string): Promise<void> {
    try {
      const entry = { at: new Date(this.#now()).toISOString(), action, chargers, answer }
      if (this.deps.actionSink) this.deps.actionSink(entry)
      else await (await this.#actionLog())?.record(entry)
    } catch (error) {
      this.deps.log?.(`could not record the ${action}: ${toAppError(error).message}`)
    }
  }
}
