// The main process's application, in plain Node: it owns the auth session, the fleet, the session lifecycle
// (which sync session runs), the charger actions, the offline cache, tray state and notifications, and answers
// every command of the IPC contract (fleet-commands.ts, the history's and the charger actions' tables).
// Electron (or the web preview) only carries its commands and events; nothing here imports `electron`.
import type { ActionRecord } from '../charger-actions/action-log'
import {
  type AuthStatus,
  type ExportColumn,
  type ExportResult,
  type FleetSnapshot,
  type FleetStatus,
  type Settings,
  type SettingsPatch,
} from '@shared/app-schemas'
import type { ChargerDetailView } from '@shared/charger-actions-schemas'
import { countBuckets, fleetTransitions } from '@shared/fleet-health'
import type { Charger } from '@shared/plugchoice-schemas'
import { chargerCommandHandlers } from '../charger-actions/action-handlers'
import { ChargerActions } from '../charger-actions/charger-actions'
import type { CommandHandlers } from '../ipc/command-dispatch'
import { NotificationPolicy } from '../notifications/notification-policy'
import { NotificationTimer } from '../notifications/notification-timer'
import { AccountStore } from '../storage/account-store'
import { SettingsStore } from '../storage/settings-store'
import { systemClock, type Clock } from '../sync/clock'
import type { SyncChange, SyncedFleet } from '../sync/sync-session'
import { pickProblems, type TrayState } from '../tray/tray-policy'
import { AuthSession } from './auth-session'
import { exportChargers, openChargerInPlugchoice } from './charger-exports'
import { EventHub } from './event-hub'
import type { AppEvents, FleetAppDeps, RefreshReason } from './fleet-app-deps'
import { fleetCommands } from './fleet-commands'
import { FleetModel, type FleetOrigin } from './fleet-model'
import { fleetStatusOf } from './fleet-status'
import { FirstSyncRows } from './first-sync-rows'
import { HistoryKeeper } from './history-keeper'
import { OfflineFleet } from './offline-fleet'
import { RemovalGrace } from './removal-grace'
import { SessionLifecycle, type ShownFleet } from './session-lifecycle'
import { pauseEnd, type PauseChoice } from '../notifications/notification-pause'

export type { AppEvents, FleetAppDeps, RefreshReason, RendererEvents } from './fleet-app-deps'

export class FleetApp {
  readonly handlers: CommandHandlers
  private readonly events = new EventHub<AppEvents>()
  private readonly clock: Clock
  private readonly log: (line: string) => void
  private readonly auth: AuthSession
  private readonly offline: OfflineFleet
  private readonly fleet = new FleetModel({ now: () => this.clock.now() })
  private readonly removals = new RemovalGrace()
  /** A first sync's rows, shown as its pages arrive when nothing is cached. */
  private readonly firstRows: FirstSyncRows
  /** What happened to the fleet, per account, on disk (SQLite): transitions, syncs, the spans it was watched. */
  private readonly history: HistoryKeeper
  private readonly notifications: NotificationTimer
  /** One charger's detail and log, restarts and bulk runs, on each session's client and request budget. */
  private readonly actions: ChargerActions
  /** Sign-in, restore, sign-out: which sync session runs (session-lifecycle.ts). */
  private readonly sessions: SessionLifecycle

  /** The app with its settings read: ready for commands, before the keychain is asked anything (start()). */
  static async open(deps: FleetAppDeps): Promise<FleetApp> {
    const store = new SettingsStore(deps.userDataDir)
    const settings = await store.load()
    const setAside = store.lastSetAside
    const notice = setAside
      ? `Your settings could not be read (${setAside.reason}); the defaults apply and the old file was set aside.`
      : null
    return new FleetApp(deps, store, settings, notice)
  }

  private constructor(
    private readonly deps: FleetAppDeps,
    private readonly settingsStore: SettingsStore,
    private settings: Settings,
    private notice: string | null,
  ) {
    this.clock = deps.clock ?? systemClock
    this.log = deps.log ?? ((line) => console.log(`[plugfleet] ${line}`))
    this.offline = new OfflineFleet(deps.userDataDir, this.log)
    this.firstRows = new FirstSyncRows({
      fleet: this.fleet,
      clock: this.clock,
      emit: (delta) => {
        this.events.emit('fleet:delta', delta)
        this.events.emit('fleet:status', this.fleetStatus())
      },
    })
    this.auth = new AuthSession({
      apiBase: deps.apiBase,
      vault: deps.vault,
      accounts: new AccountStore(deps.userDataDir),
      createClient: deps.createClient,
      startDemoApi:
        deps.startDemoApi &&
        (() => deps.startDemoApi!({ seedHistory: (uuid, weekAgo) => this.history.seedDemo(uuid, weekAgo) })),
    })
    this.history = new HistoryKeeper({
      dir: deps.historyDir ?? deps.userDataDir,
      actionLogDir: deps.userDataDir,
      clock: this.clock,
      log: this.log,
      settings: () => this.settings,
      ports: deps.ports,
      notify: (spec) => this.events.emit('notify', spec),
      seen: () => this.events.emit('tray', this.trayState()),
    })
    this.actions = new ChargerActions({
      now: () => this.clock.now(),
      ...deps.chargerActions,
      userDataDir: deps.userDataDir,
      log: this.log,
      lookup: async () => (uuid) => this.fleet.get(uuid),
      accountUuid: async () => this.auth.currentAccount()?.uuid ?? null,
      actionSink: (entry) => this.recordAction(entry),
      onDetail: (view) => this.connectorsRead(view),
    })
    this.handlers = { ...fleetCommands(this), ...this.history.handlers(), ...chargerCommandHandlers(this.actions) }
    this.notifications = new NotificationTimer({
      policy: new NotificationPolicy(),
      clock: this.clock,
      fleet: () => this.fleet.list(),
      settings: () => this.settings,
      show: (spec) => this.events.emit('notify', spec),
    })
    this.sessions = new SessionLifecycle({
      auth: this.auth,
      vault: deps.vault,
      history: this.history,
      actions: this.actions,
      shown: this.shownFleet(),
      clock: this.clock,
      log: this.log,
      intervalMs: () => this.settings.pollIntervalSec * 1000,
      ...(deps.createSyncer ? { createSyncer: deps.createSyncer } : {}),
      authChanged: () => this.emitAuth(),
      statusChanged: (change) => this.emitStatus(change),
    })
    // "Waiting for the system keychain…" reaches the window and the tray as soon as the vault says so.
    deps.vault.onChange(() => this.emitAuth())
  }

  on<E extends keyof AppEvents>(event: E, listener: (payload: AppEvents[E]) => void): () => void {
    return this.events.on(event, listener)
  }

  /**
   * The stored token's account: its cached fleet at once, then a sync. The window can be up before this
   * settles (a keychain can take seconds to answer, or ask the user to unlock it); `auth:status` waits for it.
   */
  start(options: { demo?: boolean } = {}): Promise<void> {
    return this.sessions.start(options.demo ?? false)
  }

  async stop(): Promise<void> {
    await this.sessions.stop()
    this.history.close()
    this.notifications.cancel()
    await this.auth.dispose()
  }

  authStatus(): Promise<AuthStatus> {
    return this.sessions.authStatus()
  }

  signIn(token: string): Promise<AuthStatus> {
    return this.sessions.signIn(token)
  }

  startDemo(): Promise<AuthStatus> {
    return this.sessions.startDemo()
  }

  signOut(): Promise<AuthStatus> {
    return this.sessions.signOut()
  }

  snapshot(): FleetSnapshot {
    return { status: this.fleetStatus(), chargers: [...this.fleet.list()] }
  }

  currentSettings(): Settings {
    return this.settings
  }

  refreshNow(reason: RefreshReason): void {
    if (this.sessions.refresh()) this.log(`refresh (${reason})`)
  }

  showCharger(uuid: string): void {
    this.events.emit('ui:show-charger', { uuid })
  }

  async pauseNotifications(until: PauseChoice | null): Promise<void> {
    await this.updateSettings({ notificationsPausedUntil: pauseEnd(until, new Date(this.clock.now())) })
  }

  async updateSettings(patch: SettingsPatch): Promise<Settings> {
    this.settings = await this.settingsStore.update(patch)
    this.history.settingsChanged(this.settings)
    this.sessions.setIntervalMs(this.settings.pollIntervalSec * 1000)
    this.events.emit('settings:changed', this.settings)
    this.emitStatus('phase')
    return this.settings
  }

  async exportCsv(uuids: readonly string[], columns: readonly ExportColumn[]): Promise<ExportResult> {
    const chargers = uuids.map((uuid) => this.fleet.get(uuid)).filter((c) => c !== undefined)
    return exportChargers(chargers, columns, this.deps.ports, this.clock.now())
  }

  async openInPlugchoice(uuid: string): Promise<{ url: string; opened: boolean }> {
    const demo = this.auth.status().state === 'demo'
    return openChargerInPlugchoice(this.fleet.get(uuid), this.deps.ports, { demo })
  }

  /** A command the user sent (charger-actions' sink): recorded in the signed-in account's history. */
  recordAction(entry: ActionRecord): void {
    this.history.recordAction(entry)
  }

  trayState(): TrayState {
    const chargers = this.fleet.list()
    return {
      auth: this.auth.status(),
      fleet: this.fleetStatus(),
      counts: countBuckets(chargers),
      problems: pickProblems(chargers),
      notificationsPausedUntil: this.settings.notificationsPausedUntil,
      now: this.clock.now(),
      sinceLastLooked: this.history.sinceLastLookedLine(),
    }
  }

  fleetStatus(): FleetStatus {
    return fleetStatusOf({
      origin: this.fleet.origin,
      revision: this.fleet.revision,
      total: this.fleet.list().length,
      sync: this.sessions.syncStatus(),
      poll: this.sessions.pollStatus(),
      intervalMs: this.settings.pollIntervalSec * 1000,
      notice: this.notice,
      notSeen: this.removals.notSeen(),
    })
  }

  /** The fleet on screen, as the session lifecycle sees it. */
  private shownFleet(): ShownFleet {
    return {
      accountUuid: () => this.fleet.origin.accountUuid,
      markCached: () => {
        if (this.fleet.origin.source === 'live') this.fleet.setOrigin({ ...this.fleet.origin, source: 'cache' })
      },
      showCached: (accountUuid) => this.showCachedFleet(accountUuid),
      forget: () => this.forgetFleet(),
      file: (fleet, signal) => this.fileSyncedFleet(fleet, signal),
      page: (chargers, signal) => {
        const account = this.auth.currentAccount()
        if (!signal.aborted && account) this.firstRows.page(chargers, account.uuid)
      },
      firstSyncFailed: () => {
        // What a failed first sync did read stays on screen, marked incomplete.
        this.firstRows.flush()
        this.firstRows.reset()
      },
      dropAccount: async (accountUuid) => {
        if (accountUuid) {
          await this.offline.remove(accountUuid)
          this.history.deleteAccount(accountUuid)
        }
        this.forgetFleet()
        this.notice = null
      },
    }
  }

  /** A charger's connectors were read: its row, the counts, the tray and the notifications take them in at once. */
  private connectorsRead(view: ChargerDetailView): void {
    const before = this.fleet.get(view.uuid)
    const delta = this.fleet.connectorsRead(view.uuid, view.charger.connection_status ?? null, view.connectors)
    const after = this.fleet.get(view.uuid)
    if (!delta || !before || !after) return
    this.events.emit('fleet:delta', delta)
    this.events.emit('tray', this.trayState())
    this.notifications.onSync(fleetTransitions([before], [after]))
  }

  private async showCachedFleet(accountUuid: string): Promise<void> {
    const { fleet, notice } = await this.offline.load(accountUuid)
    if (fleet) this.replaceFleet(fleet.chargers, { source: 'cache', accountUuid, fetchedAt: fleet.fetchedAt })
    // A missing copy changes nothing; a loaded one clears the old notice; a broken one says so.
    if (fleet || notice) this.notice = notice
  }

  private async fileSyncedFleet(
    { account, chargers, fetchedAt, requests }: SyncedFleet,
    signal: AbortSignal,
  ): Promise<void> {
    this.firstRows.reset()
    // A first sync's rows shown so far are not a fleet to compare with: nothing notifies before it completes.
    const { source } = this.fleet.origin
    const before = source === 'cache' || source === 'live' ? this.fleet.list() : null
    // A charger missing from this sync only is kept until a second sync confirms (removal-grace.ts).
    const shown = before ? this.removals.apply(before, chargers).chargers : chargers
    this.replaceFleet(shown, { source: 'live', accountUuid: account.uuid, fetchedAt })
    this.notice = await this.offline.save(account.uuid, fetchedAt, [...this.fleet.list()])
    if (signal.aborted) return
    const transitions = this.history.synced(account.uuid, {
      at: Date.parse(fetchedAt),
      requests,
      before,
      after: this.fleet.list(),
    })
    if (before) this.notifications.onSync(transitions)
  }

  /** Another account (or none) from now on: its fleet and its pending notifications go. */
  private forgetFleet(): void {
    this.firstRows.reset()
    this.replaceFleet([], { source: 'none', accountUuid: null, fetchedAt: null })
    this.removals.reset()
    this.history.reset()
    this.notifications.reset()
  }

  private replaceFleet(chargers: readonly Charger[], origin: FleetOrigin): void {
    const delta = this.fleet.replace(chargers, origin)
    if (delta) this.events.emit('fleet:delta', delta)
  }

  private emitAuth(): void {
    this.events.emit('auth:changed', this.auth.status())
    this.emitStatus('phase')
  }

  /** The window hears of every page; the tray only of what it shows (not "page 7 of a sync"). */
  private emitStatus(change: Exclude<SyncChange, 'stopped'>): void {
    this.events.emit('fleet:status', this.fleetStatus())
    if (change === 'phase') this.events.emit('tray', this.trayState())
  }
}
