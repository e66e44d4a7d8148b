// The main process's application, in plain Node: it owns the auth session, the fleet on screen (fleet-on-screen.ts),
// the session lifecycle (which sync session runs), the charger actions, tray state and notifications, and answers
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
import { countBuckets } from '@shared/fleet-health'
import { chargerCommandHandlers } from '../charger-actions/action-handlers'
import { ChargerActions } from '../charger-actions/charger-actions'
import type { CommandHandlers } from '../ipc/command-dispatch'
import { NotificationPolicy } from '../notifications/notification-policy'
import { NotificationTimer } from '../notifications/notification-timer'
import { AccountStore } from '../storage/account-store'
import { SettingsStore } from '../storage/settings-store'
import { systemClock, type Clock } from '../sync/clock'
import type { SyncChange } from '../sync/sync-session'
import { pickProblems, type TrayState } from '../tray/tray-policy'
import { AuthSession } from './auth-session'
import { exportChargers, openChargerInPlugchoice } from './charger-exports'
import { EventHub } from './event-hub'
import type { AppEvents, FleetAppDeps, RefreshReason } from './fleet-app-deps'
import { fleetCommands } from './fleet-commands'
import type { FleetModel } from './fleet-model'
import { FleetOnScreen } from './fleet-on-screen'
import { fleetStatusOf } from './fleet-status'
import { HistoryKeeper } from './history-keeper'
import { OfflineFleet } from './offline-fleet'
import { SessionLifecycle } from './session-lifecycle'
import { pauseEnd, type PauseChoice } from '../notifications/notification-pause'

export type { AppEvents, FleetAppDeps, RefreshReason, RendererEvents } from './fleet-app-deps'

export class FleetApp {
  readonly handlers: CommandHandlers
  private readonly events = new EventHub<AppEvents>()
  private readonly clock: Clock
  private readonly log: (line: string) => void
  private readonly auth: AuthSession
  /** The fleet on screen and every way it changes (fleet-on-screen.ts). */
  private readonly shown: FleetOnScreen
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
    notice: string | null,
  ) {
    this.clock = deps.clock ?? systemClock
    this.log = deps.log ?? ((line) => console.log(`[plugfleet] ${line}`))
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
    this.shown = new FleetOnScreen({
      clock: this.clock,
      offline: new OfflineFleet(deps.userDataDir, this.log),
      history: this.history,
      currentAccount: () => this.auth.currentAccount(),
      delta: (delta) => this.events.emit('fleet:delta', delta),
      statusChanged: () => this.events.emit('fleet:status', this.fleetStatus()),
      trayChanged: () => this.events.emit('tray', this.trayState()),
      transitions: (transitions) => this.notifications.onSync(transitions),
      forgetNotifications: () => this.notifications.reset(),
      notice,
    })
    this.actions = new ChargerActions({
      now: () => this.clock.now(),
      ...deps.chargerActions,
      userDataDir: deps.userDataDir,
      log: this.log,
      lookup: async () => (uuid) => this.fleet.get(uuid),
      accountUuid: async () => this.auth.currentAccount()?.uuid ?? null,
      actionSink: (entry) => this.recordAction(entry),
      onDetail: (view) => this.shown.connectorsRead(view),
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
      shown: this.shown,
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

  private get fleet(): FleetModel {
    return this.shown.model
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
      notice: this.shown.notice,
      notSeen: this.shown.notSeen(),
    })
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
