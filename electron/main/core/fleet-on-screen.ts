// The fleet on screen and every way it changes: the offline copy at start, a first sync's pages as they
// arrive, a completed sync (kept through the removal grace, saved offline, recorded in the history, notified),
// a charger's connectors read in its detail, another account or none. The session lifecycle drives it (it is
// the lifecycle's ShownFleet); FleetApp reads what it shows. Nothing else replaces the fleet model.
import type { FleetDelta } from '@shared/app-schemas'
import type { ChargerDetailView } from '@shared/charger-actions-schemas'
import { fleetTransitions, type Transition } from '@shared/fleet-health'
import type { Charger } from '@shared/plugchoice-schemas'
import type { Clock } from '../sync/clock'
import type { SyncedFleet } from '../sync/sync-session'
import { FirstSyncRows } from './first-sync-rows'
import { FleetModel, type FleetOrigin } from './fleet-model'
import type { HistoryKeeper } from './history-keeper'
import type { OfflineFleet } from './offline-fleet'
import { RemovalGrace } from './removal-grace'
import type { ShownFleet } from './session-lifecycle'

export interface FleetOnScreenDeps {
  clock: Clock
  offline: OfflineFleet
  history: Pick<HistoryKeeper, 'synced' | 'reset' | 'deleteAccount'>
  /** The signed-in account, whose first sync's pages may be shown. */
  currentAccount(): { uuid: string } | null
  /** The window hears of each delta; the status line and the tray of what changed with it. */
  delta(delta: FleetDelta): void
  statusChanged(): void
  trayChanged(): void
  /** Changes worth a notification (never a first sync's, which has nothing to compare with). */
  transitions(transitions: Transition[]): void
  forgetNotifications(): void
  /** The notice shown before any fleet was loaded (settings that could not be read). */
  notice: string | null
}

export class FleetOnScreen implements ShownFleet {
  readonly model: FleetModel
  /** What the status line must say about the offline copy or the settings (null: nothing). */
  notice: string | null
  private readonly removals = new RemovalGrace()
  /** A first sync's rows, shown as its pages arrive when nothing is cached. */
  private readonly firstRows: FirstSyncRows

  constructor(private readonly deps: FleetOnScreenDeps) {
    this.model = new FleetModel({ now: () => deps.clock.now() })
    this.notice = deps.notice
    this.firstRows = new FirstSyncRows({
      fleet: this.model,
      clock: deps.clock,
      emit: (delta) => {
        deps.delta(delta)
        deps.statusChanged()
      },
    })
  }

  /** Chargers kept on screen though the last sync did not list them (a second sync confirms they are gone). */
  notSeen(): string[] {
    return this.removals.notSeen()
  }

  accountUuid(): string | null {
    return this.model.origin.accountUuid
  }

  markCached(): void {
    if (this.model.origin.source === 'live') this.model.setOrigin({ ...this.model.origin, source: 'cache' })
  }

  async showCached(accountUuid: string): Promise<void> {
    const { fleet, notice } = await this.deps.offline.load(accountUuid)
    if (fleet) this.replace(fleet.chargers, { source: 'cache', accountUuid, fetchedAt: fleet.fetchedAt })
    // A missing copy changes nothing; a loaded one clears the old notice; a broken one says so.
    if (fleet || notice) this.notice = notice
  }

  page(chargers: readonly Charger[], signal: AbortSignal): void {
    const account = this.deps.currentAccount()
    if (!signal.aborted && account) this.firstRows.page(chargers, account.uuid)
  }

  firstSyncFailed(): void {
    // What a failed first sync did read stays on screen, marked incomplete.
    this.firstRows.flush()
    this.firstRows.reset()
  }

  async file({ account, chargers, fetchedAt, requests }: SyncedFleet, signal: AbortSignal): Promise<void> {
    this.firstRows.reset()
    // A first sync's rows shown so far are not a fleet to compare with: nothing notifies before it completes.
    const { source } = this.model.origin
    const before = source === 'cache' || source === 'live' ? this.model.list() : null
    // A charger missing from this sync only is kept until a second sync confirms (removal-grace.ts).
    const shown = before ? this.removals.apply(before, chargers).chargers : chargers
    this.replace(shown, { source: 'live', accountUuid: account.uuid, fetchedAt })
    this.notice = await this.deps.offline.save(account.uuid, fetchedAt, [...this.model.list()])
    if (signal.aborted) return
    const transitions = this.deps.history.synced(account.uuid, {
      at: Date.parse(fetchedAt),
      requests,
      before,
      after: this.model.list(),
    })
    if (before) this.deps.transitions(transitions)
  }

  /** A charger's connectors were read: its row, the counts, the tray and the notifications take them in at once. */
  connectorsRead(view: ChargerDetailView): void {
    const before = this.model.get(view.uuid)
    const delta = this.model.connectorsRead(view.uuid, view.charger.connection_status ?? null, view.connectors)
    const after = this.model.get(view.uuid)
    if (!delta || !before || !after) return
    this.deps.delta(delta)
    // The status names the fleet's revision: without it the window would take the next status for a lost
    // delta and fetch the whole fleet again.
    this.deps.statusChanged()
    this.deps.trayChanged()
    this.deps.transitions(fleetTransitions([before], [after]))
  }

  /** Another account (or none) from now on: its fleet and its pending notifications go. */
  forget(): void {
    this.firstRows.reset()
    this.replace([], { source: 'none', accountUuid: null, fetchedAt: null })
    this.removals.reset()
    this.deps.history.reset()
    this.deps.forgetNotifications()
  }

  async dropAccount(accountUuid: string | null): Promise<void> {
    if (accountUuid) {
      await this.deps.offline.remove(accountUuid)
      this.deps.history.deleteAccount(accountUuid)
    }
    this.forget()
    this.notice = null
  }

  private replace(chargers: readonly Charger[], origin: FleetOrigin): void {
    const delta = this.model.replace(chargers, origin)
    if (delta) this.deps.delta(delta)
  }
}
