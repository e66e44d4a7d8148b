// The main process's application, in plain Node: it owns the session, the fleet, polling, the offline
// cache, tray state and notifications, and answers every command of the IPC contract. Electron (or the web
// preview) only carries its commands and events; nothing here imports `electron`, so all of it is tested here.
import {
  idleSyncStatus,
  MAX_REJECTED_REPORTED,
  type Account,
  type AuthStatus,
  type FleetStatus,
  type Settings,
  type SettingsPatch,
  type SyncStatus,
} from '@shared/app-schemas'
import { countBuckets, fleetTransitions } from '@shared/fleet-health'
import type { EventPayload } from '@shared/ipc-contract'
import type { EventName } from '@shared/ipc-channels'
import type { Charger } from '@shared/plugchoice-schemas'
import { chargerWebUrl } from '@shared/plugchoice-web'
import { cancelledError, PlugchoiceError } from '../api/api-errors'
import { FleetSyncer } from '../sync/fleet-sync'
import { describeInterval, PollScheduler } from '../sync/poll-scheduler'
import { RateBudget } from '../sync/rate-budget'
import { systemClock, type Clock } from '../sync/clock'
import { SnapshotStore } from '../storage/snapshot-store'
import { SettingsStore } from '../storage/settings-store'
import { AccountStore } from '../storage/account-store'
import type { TokenVault } from '../secrets/token-vault'
import { pickProblems, type TrayState } from '../tray/tray-policy'
import { NotificationPolicy, type NotificationSpec } from '../notifications/notification-policy'
import { AppError, toAppError } from './app-error'
import type { CommandHandlers } from '../ipc/command-dispatch'
import { AuthSession, type DemoApi } from './auth-session'
import { EventHub } from './event-hub'
import { FleetModel } from './fleet-model'
import { RemovalGrace } from './removal-grace'
import { exportFileName, fleetCsv } from './csv-export'
import type { DesktopPorts } from './desktop-ports'
import type { PlugchoiceClient } from '../api/plugchoice-client'

export type RendererEvents = { [E in EventName]: EventPayload<E> }
export type AppEvents = RendererEvents & { tray: TrayState; notify: NotificationSpec }
export type RefreshReason = 'user' | 'resume' | 'network' | 'tray' | 'start'

export interface FleetAppDeps {
  userDataDir: string
  apiBase: URL
  vault: TokenVault
  ports: DesktopPorts
  clock?: Clock
  startDemoApi?: () => Promise<DemoApi>
  createClient?: (base: URL, token: string) => PlugchoiceClient
  /** Builds the syncer for a session (tests inject a sleep that does not wait). */
  createSyncer?: (client: PlugchoiceClient) => FleetSyncer
  log?: (line: string) => void
}

const PAUSE_HOURS = { hour: 1, 'four-hours': 4 } as const

export class FleetApp {
  readonly handlers: CommandHandlers
  private readonly events = new EventHub<AppEvents>()
  private readonly clock: Clock
  private readonly log: (line: string) => void
  private readonly session: AuthSession
  private readonly snapshots: SnapshotStore
  private readonly settingsStore: SettingsStore
  private readonly fleet = new FleetModel()
  private readonly removals = new RemovalGrace()
  private readonly notifications = new NotificationPolicy()
  private settings!: Settings
  private scheduler: PollScheduler | null = null
  private syncer: FleetSyncer | null = null
  /** Cancels the sync of the session being stopped (sign-out, another sign-in, quit). */
  private cancelSync = new AbortController()
  private syncUnderWay: Promise<unknown> | null = null
  private sync: SyncStatus = idleSyncStatus()
  private notice: string | null = null
  private notificationTimer: unknown = null

  constructor(private readonly deps: FleetAppDeps) {
    this.clock = deps.clock ?? systemClock
    this.log = deps.log ?? ((line) => console.log(`[plugfleet] ${line}`))
    this.snapshots = new SnapshotStore(deps.userDataDir)
    this.settingsStore = new SettingsStore(deps.userDataDir)
    this.session = new AuthSession({
      apiBase: deps.apiBase,
      vault: deps.vault,
      accounts: new AccountStore(deps.userDataDir),
      createClient: deps.createClient,
      startDemoApi: deps.startDemoApi,
    })
    // "Waiting for the system keychain…" reaches the window and the tray as soon as the vault says so.
    deps.vault.onChange(() => this.emitAuth())
    this.handlers = {
      'auth:status': async () => this.session.status(),
      'auth:sign-in': async ({ token }) => this.signIn(token),
      'auth:sign-out': async () => this.signOut(),
      'auth:start-demo': async () => this.startDemo(),
      'fleet:snapshot': async () => ({ status: this.fleetStatus(), chargers: [...this.fleet.list()] }),
      'fleet:refresh': async () => {
        this.refreshNow('user')
        return this.fleetStatus()
      },
      'fleet:export-csv': async ({ uuids, columns }) => {
        const chargers = uuids.map((uuid) => this.fleet.get(uuid)).filter((c): c is Charger => c !== undefined)
        const csv = fleetCsv(chargers, columns)
        return this.deps.ports.saveExport(exportFileName(new Date(this.clock.now())), csv, chargers.length)
      },
      'settings:get': async () => this.settings,
      'settings:set': async (patch) => this.updateSettings(patch),
      'charger:open-in-plugchoice': async ({ uuid }) => {
        const charger = this.fleet.get(uuid)
        if (!charger) throw new AppError('not-found', 'That charger is no longer in the fleet.')
        if (charger.id == null) throw new AppError('no-link', 'Plugchoice did not give this charger a web address.')
        const url = chargerWebUrl(charger.id)
        // electronegativity-justified OPEN_EXTERNAL_JS_CHECK: a DesktopPorts call, not shell; the URL is built here
        // by chargerWebUrl and the Electron port checks isAllowedExternalUrl() again.
        return { url, opened: await this.deps.ports.openExternal(url) }
      },
    }
  }

  on<E extends keyof AppEvents>(event: E, listener: (payload: AppEvents[E]) => void): () => void {
    return this.events.on(event, listener)
  }

  /** Start-up: the local part (settings, cached fleet) at once, then the keychain and a sync. */
  async start(): Promise<void> {
    await this.loadLocal()
    await this.restoreSession()
  }

  /**
   * Settings and the remembered account's cached fleet, from disk only: shown before the keychain is asked,
   * which may wait on an unlock prompt (issue 10).
   */
  async loadLocal(): Promise<void> {
    this.settings = await this.settingsStore.load()
    const setAside = this.settingsStore.lastSetAside
    if (setAside)
      this.notice = `Your settings could not be read (${setAside.reason}); the defaults apply and the old file was set aside.`
    const remembered = await this.session.rememberedAccount()
    if (remembered) await this.showCachedFleet(remembered.uuid)
    this.emitAuth()
  }

  /** The stored token from the keychain (bounded by the vault's deadline), then polling. */
  async restoreSession(): Promise<void> {
    await this.session.restore()
    const account = this.session.currentAccount()
    if ((account?.uuid ?? null) !== this.fleet.origin.accountUuid) {
      // No token after all (or another account's): the cached fleet shown meanwhile is not this session's.
      this.forgetFleet()
      if (account) await this.showCachedFleet(account.uuid)
    }
    this.emitAuth()
    if (this.session.currentClient()) this.startPolling()
  }

  async stop(): Promise<void> {
    await this.endSession()
    this.clearNotificationTimer()
    await this.session.dispose()
  }

  currentSettings(): Settings {
    return this.settings
  }

  refreshNow(reason: RefreshReason): void {
    if (!this.scheduler) return
    this.log(`refresh (${reason})`)
    void this.scheduler.requestRefresh()
  }

  showCharger(uuid: string): void {
    this.events.emit('ui:show-charger', { uuid })
  }

  async pauseNotifications(until: 'hour' | 'four-hours' | 'tomorrow' | null): Promise<void> {
    const now = new Date(this.clock.now())
    let pausedUntil: string | null = null
    if (until === 'tomorrow') {
      const morning = new Date(now)
      morning.setDate(morning.getDate() + 1)
      morning.setHours(8, 0, 0, 0)
      pausedUntil = morning.toISOString()
    } else if (until) {
      pausedUntil = new Date(now.getTime() + PAUSE_HOURS[until] * 3_600_000).toISOString()
    }
    await this.updateSettings({ notificationsPausedUntil: pausedUntil })
  }

  async updateSettings(patch: SettingsPatch): Promise<Settings> {
    this.settings = await this.settingsStore.update(patch)
    this.scheduler?.setIntervalMs(this.settings.pollIntervalSec * 1000)
    this.events.emit('settings:changed', this.settings)
    this.emitStatus()
    return this.settings
  }

  trayState(): TrayState {
    const chargers = this.fleet.list()
    return {
      auth: this.session.status(),
      fleet: this.fleetStatus(),
      counts: countBuckets(chargers),
      problems: pickProblems(chargers),
      notificationsPausedUntil: this.settings.notificationsPausedUntil,
      now: this.clock.now(),
    }
  }

  fleetStatus(): FleetStatus {
    const origin = this.fleet.origin
    const poll = this.scheduler?.status()
    const intervalMs = (this.settings?.pollIntervalSec ?? 60) * 1000
    return {
      source: origin.source,
      accountUuid: origin.accountUuid,
      fetchedAt: origin.fetchedAt,
      revision: this.fleet.revision,
      total: this.fleet.list().length,
      stale: origin.source === 'cache' || (origin.source === 'live' && this.sync.lastError !== null),
      sync: { ...this.sync, nextSyncAt: poll?.nextRunAt ? new Date(poll.nextRunAt).toISOString() : null },
      poll: {
        intervalMs: poll?.intervalMs ?? intervalMs,
        effectiveIntervalMs: poll?.effectiveIntervalMs ?? intervalMs,
        description: poll?.description ?? describeInterval(intervalMs, intervalMs, null),
        running: poll?.running ?? false,
      },
      notice: this.notice,
      notSeen: this.removals.notSeen(),
    }
  }

  private async signIn(token: string): Promise<AuthStatus> {
    return this.openSession(await this.session.signIn(token))
  }

  private async startDemo(): Promise<AuthStatus> {
    return this.openSession(await this.session.startDemo())
  }

  /** After a sign-in or the demo: that account's fleet (never another's), then polling. */
  private async openSession(account: Account): Promise<AuthStatus> {
    await this.endSession()
    if (this.fleet.origin.accountUuid !== account.uuid) {
      this.forgetFleet()
      await this.showCachedFleet(account.uuid)
    } else if (this.fleet.origin.source === 'live') {
      // The same account again (after a rejected token): what is on screen is from before, not live.
      this.fleet.setOrigin({ ...this.fleet.origin, source: 'cache' })
    }
    this.sync = idleSyncStatus()
    this.emitAuth()
    this.startPolling()
    return this.session.status()
  }

  private async signOut(): Promise<AuthStatus> {
    await this.endSession()
    const account = await this.session.signOut()
    // The cache of the fleet shown belongs to the account of that fleet (after a rejected token, the session
    // may already have forgotten who it was).
    const owner = account?.uuid ?? this.fleet.origin.accountUuid
    if (owner) await this.snapshots.remove(owner)
    this.forgetFleet()
    this.sync = idleSyncStatus()
    this.notice = null
    this.emitAuth()
    return this.session.status()
  }

  private async showCachedFleet(accountUuid: string): Promise<void> {
    const cached = await this.snapshots.load(accountUuid)
    if (cached.kind === 'loaded') {
      this.replaceFleet(cached.snapshot.chargers, {
        source: 'cache',
        accountUuid,
        fetchedAt: cached.snapshot.fetchedAt,
      })
      this.notice = null
    } else if (cached.kind === 'unreadable') {
      this.notice = `The offline copy of your fleet could not be read (${cached.reason}); it is left as it is.`
      this.log(`cache unreadable: ${cached.reason}`)
    } else if (cached.kind === 'set-aside') {
      this.notice = `The offline copy of your fleet could not be read (${cached.reason}); it was set aside and will be rebuilt.`
      this.log(`cache set aside: ${cached.reason}`)
    }
  }

  private startPolling(): void {
    const client = this.session.currentClient()
    if (!client) return
    this.syncer =
      this.deps.createSyncer?.(client) ?? new FleetSyncer({ client, budget: new RateBudget(), log: this.log })
    this.cancelSync = new AbortController()
    this.scheduler = new PollScheduler({
      run: () => {
        const run = this.runSync(this.cancelSync.signal)
        this.syncUnderWay = run
        return run
      },
      clock: this.clock,
      intervalMs: this.settings.pollIntervalSec * 1000,
      onState: () => this.emitStatus(),
    })
    this.scheduler.start()
    this.emitStatus()
  }

  /** Stops polling and waits for the sync under way to settle, so none of its writes lands afterwards. */
  private async endSession(): Promise<void> {
    this.stopPolling()
    await this.syncUnderWay?.catch(() => undefined)
  }

  private stopPolling(): void {
    this.cancelSync.abort()
    this.scheduler?.stop()
    this.scheduler = null
    this.syncer = null
  }

  private async runSync(signal: AbortSignal): Promise<{ requests: number; chargers: number }> {
    const syncer = this.syncer
    const client = this.session.currentClient()
    if (!syncer || !client) return { requests: 0, chargers: 0 }
    const startedAt = new Date(this.clock.now()).toISOString()
    this.sync = { ...this.sync, state: 'syncing', pagesRead: 0, chargersRead: 0, lastAttemptAt: startedAt }
    this.emitStatus()
    try {
      // A restored token is confirmed once with GET /user: it counts against the budget.
      const identifyRequests = this.session.isVerified() ? 0 : 1
      const account = await this.session.identify(signal)
      if (this.syncer !== syncer) throw cancelledError()
      if (this.fleet.origin.accountUuid && this.fleet.origin.accountUuid !== account.uuid) this.forgetFleet()
      const result = await syncer.sync({
        signal,
        onProgress: ({ pagesRead, chargersRead }) => {
          this.sync = { ...this.sync, pagesRead, chargersRead }
          this.emitStatus()
        },
      })
      const requests = result.requests + identifyRequests
      if (this.syncer !== syncer) return { requests, chargers: result.chargers.length }
      const fetchedAt = new Date(this.clock.now()).toISOString()
      const before = this.fleet.origin.source === 'none' ? null : this.fleet.list()
      // A charger missing from this sync only is kept until a second sync confirms (removal-grace.ts).
      const shown = before ? this.removals.apply(before, result.chargers).chargers : result.chargers
      this.replaceFleet(shown, { source: 'live', accountUuid: account.uuid, fetchedAt })
      this.sync = {
        ...this.sync,
        state: 'idle',
        lastSuccessAt: fetchedAt,
        lastError: null,
        rejected: result.rejected.slice(0, MAX_REJECTED_REPORTED),
      }
      await this.writeCache(account.uuid, fetchedAt, shown)
      if (this.syncer !== syncer) return { requests, chargers: result.chargers.length }
      if (before) this.notify(fleetTransitions(before, shown))
      this.emitStatus()
      return { requests, chargers: result.chargers.length }
    } catch (error) {
      if (this.syncer !== syncer) throw error
      this.sync = { ...this.sync, state: 'error', lastError: toAppError(error) }
      if (
        error instanceof PlugchoiceError &&
        error.code === 'token-rejected' &&
        (await this.session.tokenRejected(client))
      ) {
        this.stopPolling()
        this.emitAuth()
      }
      this.emitStatus()
      throw error
    }
  }

  private async writeCache(accountUuid: string, fetchedAt: string, chargers: Charger[]): Promise<void> {
    try {
      await this.snapshots.save({ schemaVersion: 1, accountUuid, fetchedAt, chargers })
      this.notice = null
    } catch (error) {
      // The fleet on screen is fine; only the offline copy is older than it. Say so, keep going.
      this.notice = `The offline copy could not be updated: ${toAppError(error).message}`
      this.log(this.notice)
    }
  }

  private notify(transitions: ReturnType<typeof fleetTransitions>): void {
    const specs = this.notifications.onSync(transitions, this.fleet.list(), this.settings, this.clock.now())
    for (const spec of specs) this.events.emit('notify', spec)
    this.scheduleNotificationTimer()
  }

  private scheduleNotificationTimer(): void {
    this.clearNotificationTimer()
    const due = this.notifications.nextDueAt()
    if (due === null) return
    this.notificationTimer = this.clock.setTimeout(
      () => {
        this.notificationTimer = null
        for (const spec of this.notifications.due(this.clock.now(), this.fleet.list(), this.settings)) {
          this.events.emit('notify', spec)
        }
        this.scheduleNotificationTimer()
      },
      Math.max(0, due - this.clock.now()),
    )
  }

  private clearNotificationTimer(): void {
    if (this.notificationTimer !== null) this.clock.clearTimeout(this.notificationTimer)
    this.notificationTimer = null
  }

  /** Another account (or none) from now on: its fleet and its pending notifications go. */
  private forgetFleet(): void {
    this.replaceFleet([], { source: 'none', accountUuid: null, fetchedAt: null })
    this.removals.reset()
    this.notifications.reset()
    this.clearNotificationTimer()
  }

  private replaceFleet(chargers: readonly Charger[], origin: Parameters<FleetModel['replace']>[1]): void {
    const delta = this.fleet.replace(chargers, origin)
    if (delta) this.events.emit('fleet:delta', delta)
  }

  private emitAuth(): void {
    this.events.emit('auth:changed', this.session.status())
    this.emitStatus()
  }

  private emitStatus(): void {
    if (!this.settings) return
    this.events.emit('fleet:status', this.fleetStatus())
    this.events.emit('tray', this.trayState())
  }
}
