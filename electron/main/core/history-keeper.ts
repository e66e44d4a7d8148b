// The app's side of the fleet history (history/): which account's file is open, when the app starts and stops
// watching, what each sync records, and the flapping notices that follow from it. FleetApp tells it of those
// moments; the recording and the queries are the history's own.
import type { Settings } from '@shared/app-schemas'
import type { FleetCharger } from '@shared/charger-facts'
import { fleetTransitions, type Transition } from '@shared/fleet-health'
import { sinceLastLookedLine } from '@shared/history-words'
import type { Charger } from '@shared/plugchoice-schemas'
import { ActionLog, type ActionRecord } from '../charger-actions/action-log'
import { seedDemoHistory } from '../history/demo-history'
import { FlappingNotices } from '../history/flapping-notices'
import { FleetHistory } from '../history/fleet-history'
import { historyHandlers } from '../history/history-commands'
import type { HistoryCommandHandlers } from '../ipc/command-dispatch'
import type { NotificationSpec } from '../notifications/notification-policy'
import type { Clock } from '../sync/clock'
import type { DesktopPorts } from './desktop-ports'

export interface HistoryKeeperDeps {
  /** The folder the history's databases live in (history/ below it). */
  dir: string
  clock: Clock
  log: (line: string) => void
  settings: () => Settings
  ports: DesktopPorts
  notify: (spec: NotificationSpec) => void
  /** Where actions-<account>.jsonl was written before the history (the user-data folder). */
  actionLogDir?: string
  /** The user looked at the Activity: what the tray says about it changed. */
  seen: () => void
}

export class HistoryKeeper {
  private readonly history: FleetHistory
  private readonly flapping = new FlappingNotices()

  constructor(private readonly deps: HistoryKeeperDeps) {
    this.history = new FleetHistory({
      userDataDir: deps.dir,
      now: () => deps.clock.now(),
      retentionDays: deps.settings().historyRetentionDays,
      log: deps.log,
    })
  }

  handlers(): HistoryCommandHandlers {
    const { ports, settings, clock } = this.deps
    const handlers = historyHandlers({ history: this.history, ports, settings, now: () => clock.now() })
    return {
      ...handlers,
      'history:mark-seen': async (request) => {
        const since = await handlers['history:mark-seen'](request)
        this.deps.seen()
        return since
      },
    }
  }

  /** The tray's "Since you last looked: …" line, or null when nothing is new (or no history is open). */
  sinceLastLookedLine(): string | null {
    if (!this.history.status().open) return null
    return sinceLastLookedLine(this.history.sinceLastLooked())
  }

  /** A sync session began for this account. */
  watching(accountUuid: string): void {
    this.history.open(accountUuid)
    this.history.watchStarted()
    void this.importActions(accountUuid)
  }

  /** The sink charger-actions records every command sent through (what, which chargers, when, the answer). */
  recordAction(entry: ActionRecord): void {
    this.history.recordActions([{ ...entry, at: Date.parse(entry.at) }])
  }

  /** Actions recorded before the history did, in actions-<account>.jsonl: taken in once. */
  private async importActions(accountUuid: string): Promise<void> {
    try {
      const records = await new ActionLog(this.deps.actionLogDir ?? this.deps.dir, accountUuid).read()
      if (this.history.status().open)
        this.history.importActionsOnce(() => records.map((r) => ({ ...r, at: Date.parse(r.at) || 0 })))
    } catch (error) {
      this.deps.log(`the earlier actions could not be imported: ${(error as Error).message}`)
    }
  }

  /** The session ended (sign-out, another account, quit): the span watched ends now. */
  stoppedWatching(): void {
    this.history.watchStopped(this.deps.clock.now(), this.deps.settings().pollIntervalSec * 1000)
  }

  /**
   * A good sync of the account's fleet: recorded, flapping notices sent, and the transitions to notify of
   * answered, without a flapping charger's own ones (one "flapping" notice says it instead).
   */
  synced(
    accountUuid: string,
    sync: { at: number; requests: number; before: readonly FleetCharger[] | null; after: readonly FleetCharger[] },
  ): Transition[] {
    const settings = this.deps.settings()
    this.history.open(accountUuid)
    this.history.recordSync({
      at: sync.at,
      outcome: { ok: true, requests: sync.requests },
      before: sync.before,
      after: sync.after,
      pollIntervalMs: settings.pollIntervalSec * 1000,
    })
    // Once a day this walks the whole fleet's day: after the sync's own work, not inside it.
    setTimeout(() => this.history.rollUp(), 0)
    if (!sync.before) return []
    const flapping = this.history.flapping(settings.flappingWindowMin * 60_000, settings.flappingCount)
    const { specs, hold } = this.flapping.update(flapping, settings)
    for (const spec of specs) this.deps.notify(spec)
    return FlappingNotices.withoutHeld(fleetTransitions(sync.before, sync.after), hold)
  }

  /** A failed sync is history too ("Plugchoice did not answer at 02:10"). */
  failed(code: string, requests: number): void {
    this.history.recordSync({ at: this.deps.clock.now(), outcome: { ok: false, code, requests } })
  }

  /** The demo's account starts with a week of recorded history (once: a history with records keeps them). */
  seedDemo(accountUuid: string, weekAgo: Charger[]): Charger[] | null {
    this.history.open(accountUuid)
    return seedDemoHistory({ history: this.history, fleet: weekAgo, now: this.deps.clock.now() })
  }

  /** Signing out deletes the account's history with its cache. */
  deleteAccount(accountUuid: string): void {
    this.history.deleteAccount(accountUuid)
  }

  settingsChanged(settings: Settings): void {
    this.history.setRetentionDays(settings.historyRetentionDays)
  }

  /** Another account (or none): no flapping carried over. */
  reset(): void {
    this.flapping.reset()
  }

  close(): void {
    this.history.close()
  }
}
