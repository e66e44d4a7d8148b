// The main process's application, in plain Node: it owns the auth session, the fleet, the sync session, the
// offline cache, tray state and notifications, and answers every command of the IPC contract (fleet-commands.ts).
// Electron (or the web preview) only carries its commands and events; nothing here imports `electron`.
import type { ActionRecord } from '../charger-actions/action-log'
import {
  type Account,
  type AuthStatus,
  type ExportColumn,
  type ExportResult,
  type FleetSnapshot,
  type FleetStatus,
  type Settings,
  type SettingsPatch,
} from '@shared/app-schemas'
import { countBuckets } from '@shared/fleet-health'
import type { Charger } from '@shared/plugchoice-schemas'
import type { CommandHandlers } from '../ipc/command-dispatch'
import { NotificationPolicy } from '../notifications/notification-policy'
import { NotificationTimer } from '../notifications/notification-timer'
import { AccountStore } from '../storage/account-store'
import { SettingsStore } from '../storage/settings-store'
import { systemClock, type Clock } from '../sync/clock'
import { FleetSyncer } from '../sync/fleet-sync'
import { RateBudget } from '../sync/rate-budget'
import { SyncSession, type SyncChange, type SyncedFleet } from '../sync/sync-session'
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
  /** The session of the signed-in client; after a rejected token, the stopped one whose error is on screen. */
  private syncSession: SyncSession | null = null
  /** start()'s keychain read: who is signed in is not known before it settles. */
  private restored: Promise<void> = Promise.resolve()

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
    this.handlers = { ...fleetCommands(this), ...this.history.handlers() }
    this.notifications = new NotificationTimer({
      policy: new NotificationPolicy(),
      clock: this.clock,
      fleet: () => this.fleet.list(),
      settings: () => this.settings,
      show: (spec) => this.events.emit('notify', spec),
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
    this.restored = this.restore(options.demo ?? false)
    return this.restored
  }

  /**
   * The remembered account's cached fleet from disk first (a keychain may wait on an unlock prompt), then the
   * stored token. With `demo` (`--demo`), the simulated fleet unless a real account is signed in already.
   */
  private async restore(demo: boolean): Promise<void> {
    const remembered = await this.auth.rememberedAccount()
    if (remembered) await this.showCachedFleet(remembered.uuid)
    this.emitAuth()
    await this.auth.restore()
    const account = this.auth.currentAccount()
    if ((account?.uuid ?? null) !== this.fleet.origin.accountUuid) {
      // No token after all (or another account's): the cached fleet shown meanwhile is not this session's.
      this.forgetFleet()
      if (account) await this.showCachedFleet(account.uuid)
    }
    this.emitAuth()
    if (demo && this.auth.status().state !== 'signed-in') await this.startDemo()
    else if (this.auth.currentClient()) this.startSyncing()
  }

  async stop(): Promise<void> {
    await this.endSyncing()
    this.history.close()
    this.notifications.cancel()
    await this.auth.dispose()
  }

  /**
   * Who is signed in, once start() knows; or, while the keychain is slow to answer, the status saying so (the
   * window then shows the cached fleet instead of waiting on an unlock prompt).
   */
  async authStatus(): Promise<AuthStatus> {
    let stopWaiting = () => {}
    const keychainWaiting = new Promise<void>((resolve) => {
      stopWaiting = this.deps.vault.onChange(() => {
        if (this.deps.vault.status().keychain.waiting) resolve()
      })
      if (this.deps.vault.status().keychain.waiting) resolve()
    })
    await Promise.race([this.restored.catch(() => undefined), keychainWaiting])
    stopWaiting()
    return this.auth.status()
  }

  async signIn(token: string): Promise<AuthStatus> {
    return this.openSession(await this.auth.signIn(token))
  }

  async startDemo(): Promise<AuthStatus> {
    return this.openSession(await this.auth.startDemo())
  }

  async signOut(): Promise<AuthStatus> {
    await this.endSyncing()
    this.syncSession = null
    const account = await this.auth.signOut()
    // The cache of the fleet shown belongs to the account of that fleet (after a rejected token, the session
    // may already have forgotten who it was).
    const owner = account?.uuid ?? this.fleet.origin.accountUuid
    if (owner) {
      await this.offline.remove(owner)
      this.history.deleteAccount(owner)
    }
    this.forgetFleet()
    this.notice = null
    this.emitAuth()
    return this.auth.status()
  }

  snapshot(): FleetSnapshot {
    return { status: this.fleetStatus(), chargers: [...this.fleet.list()] }
  }

  currentSettings(): Settings {
    return this.settings
  }

  refreshNow(reason: RefreshReason): void {
    if (!this.syncSession || this.syncSession.disposed) return
    this.log(`refresh (${reason})`)
    void this.syncSession.refresh()
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
    this.syncSession?.setIntervalMs(this.settings.pollIntervalSec * 1000)
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
      sync: this.syncSession?.status() ?? null,
      poll: this.syncSession?.poll() ?? null,
      intervalMs: this.settings.pollIntervalSec * 1000,
      notice: this.notice,
      notSeen: this.removals.notSeen(),
    })
  }

  /** After a sign-in or the demo: that account's fleet (never another's), then syncing. */
  private async openSession(account: Account): Promise<AuthStatus> {
    await this.endSyncing()
    this.syncSession = null
    if (this.fleet.origin.accountUuid !== account.uuid) {
      this.forgetFleet()
      await this.showCachedFleet(account.uuid)
    } else if (this.fleet.origin.source === 'live') {
      // The same account again (after a rejected token): what is on screen is from before, not live.
      this.fleet.setOrigin({ ...this.fleet.origin, source: 'cache' })
    }
    this.emitAuth()
    this.startSyncing()
    return this.auth.status()
  }

  private async showCachedFleet(accountUuid: string): Promise<void> {
    const { fleet, notice } = await this.offline.load(accountUuid)
    if (fleet) this.replaceFleet(fleet.chargers, { source: 'cache', accountUuid, fetchedAt: fleet.fetchedAt })
    // A missing copy changes nothing; a loaded one clears the old notice; a broken one says so.
    if (fleet || notice) this.notice = notice
  }

  private startSyncing(): void {
    const client = this.auth.currentClient()
    if (!client) return
    const session = new SyncSession({
      syncer: this.deps.createSyncer?.(client) ?? new FleetSyncer({ client, budget: new RateBudget(), log: this.log }),
      identify: async (signal) => {
        // A restored token is confirmed once with GET /user: it counts against the budget.
        const requests = this.auth.isVerified() ? 0 : 1
        const account = await this.auth.identify(signal)
        // The token turned out to be another account's: the fleet on screen is not this one's.
        if (!signal.aborted && this.fleet.origin.accountUuid && this.fleet.origin.accountUuid !== account.uuid) {
          this.forgetFleet()
        }
        return { account, requests }
      },
      onPage: (chargers, signal) => {
        const account = this.auth.currentAccount()
        if (!signal.aborted && account) this.firstRows.page(chargers, account.uuid)
      },
      onSynced: (fleet, signal) => this.fileSyncedFleet(fleet, signal),
      onFailed: (code, requests) => {
        // What a failed first sync did read stays on screen, marked incomplete.
        this.firstRows.flush()
        this.firstRows.reset()
        this.recordFailedSync(code, requests)
      },
      onTokenRejected: () => this.auth.tokenRejected(client),
      onChange: (change) => this.onSyncChange(change),
      clock: this.clock,
      intervalMs: this.settings.pollIntervalSec * 1000,
    })
    this.syncSession = session
    const account = this.auth.currentAccount()
    if (account) {
      this.history.watching(account.uuid)
    }
    session.start()
    this.emitStatus('phase')
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

  private recordFailedSync(code: string, requests: number): void {
    if (this.auth.currentAccount()) this.history.failed(code, requests)
  }

  private onSyncChange(change: SyncChange): void {
    if (change === 'stopped') this.emitAuth()
    else this.emitStatus(change)
  }

  /** Stops syncing and waits for the sync under way to settle, so none of its writes lands afterwards. */
  private async endSyncing(): Promise<void> {
    const session = this.syncSession
    await session?.dispose()
    if (session) this.history.stoppedWatching()
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
