// Who is signed in and which sync session runs: start-up's restore, a sign-in, the demo, a sign-out and a
// rejected token each leave exactly one SyncSession (or none). Each session's client and request budget go to
// the charger actions too: polling, a charger's detail and log, restarts and bulk runs spend one budget, so a
// user clicking through twenty chargers cannot push polling over Plugchoice's limit.
import type { Account, AuthStatus, PollStatus, SyncStatus } from '@shared/app-schemas'
import type { Charger } from '@shared/plugchoice-schemas'
import type { PlugchoiceClient } from '../api/plugchoice-client'
import type { ChargerActions } from '../charger-actions/charger-actions'
import type { TokenVault } from '../secrets/token-vault'
import type { Clock } from '../sync/clock'
import { FleetSyncer } from '../sync/fleet-sync'
import { RateBudget } from '../sync/rate-budget'
import { SyncSession, type SyncChange, type SyncedFleet } from '../sync/sync-session'
import type { AuthSession } from './auth-session'
import type { HistoryKeeper } from './history-keeper'

/** What the lifecycle asks of the fleet on screen (FleetApp owns it). */
export interface ShownFleet {
  /** Whose fleet is on screen (null: none). */
  accountUuid(): string | null
  /** The same account signed in again: what is on screen is from before, not live. */
  markCached(): void
  showCached(accountUuid: string): Promise<void>
  forget(): void
  file(fleet: SyncedFleet, signal: AbortSignal): Promise<void>
  /** A page of the sync under way (a first sync shows its rows as they arrive). */
  page(chargers: readonly Charger[], signal: AbortSignal): void
  firstSyncFailed(): void
  /** Sign-out: the account's offline copy and history go, and the fleet with them. */
  dropAccount(accountUuid: string | null): Promise<void>
}

export interface SessionLifecycleDeps {
  auth: AuthSession
  vault: TokenVault
  history: HistoryKeeper
  actions: ChargerActions
  shown: ShownFleet
  clock: Clock
  log: (line: string) => void
  intervalMs: () => number
  /** Builds a session's syncer on the session's budget (tests inject a sleep that does not wait). */
  createSyncer?: (client: PlugchoiceClient, budget: RateBudget) => FleetSyncer
  /** The auth state (or a session stopped for good): the window and the tray hear of it. */
  authChanged: () => void
  statusChanged: (change: Exclude<SyncChange, 'stopped'>) => void
}

export class SessionLifecycle {
  /** The session of the signed-in client; after a rejected token, the stopped one whose error is on screen. */
  #session: SyncSession | null = null
  /** start()'s keychain read: who is signed in is not known before it settles. */
  #restored: Promise<void> = Promise.resolve()

  constructor(private readonly deps: SessionLifecycleDeps) {}

  start(demo: boolean): Promise<void> {
    this.#restored = this.#restore(demo)
    return this.#restored
  }

  /**
   * The remembered account's cached fleet from disk first (a keychain may wait on an unlock prompt), then the
   * stored token. With `demo` (`--demo`), the simulated fleet unless a real account is signed in already.
   */
  async #restore(demo: boolean): Promise<void> {
    const { auth, shown } = this.deps
    const remembered = await auth.rememberedAccount()
    if (remembered) await shown.showCached(remembered.uuid)
    this.deps.authChanged()
    await auth.restore()
    const account = auth.currentAccount()
    if ((account?.uuid ?? null) !== shown.accountUuid()) {
      // No token after all (or another account's): the cached fleet shown meanwhile is not this session's.
      shown.forget()
      if (account) await shown.showCached(account.uuid)
    }
    this.deps.authChanged()
    if (demo && auth.status().state !== 'signed-in') await this.startDemo()
    else if (auth.currentClient()) this.#startSyncing()
  }

  /**
   * Who is signed in, once start() knows; or, while the keychain is slow to answer, the status saying so (the
   * window then shows the cached fleet instead of waiting on an unlock prompt).
   */
  async authStatus(): Promise<AuthStatus> {
    const { vault } = this.deps
    let stopWaiting = () => {}
    const keychainWaiting = new Promise<void>((resolve) => {
      stopWaiting = vault.onChange(() => {
        if (vault.status().keychain.waiting) resolve()
      })
      if (vault.status().keychain.waiting) resolve()
    })
    await Promise.race([this.#restored.catch(() => undefined), keychainWaiting])
    stopWaiting()
    return this.deps.auth.status()
  }

  async signIn(token: string): Promise<AuthStatus> {
    return this.#open(await this.deps.auth.signIn(token))
  }

  async startDemo(): Promise<AuthStatus> {
    return this.#open(await this.deps.auth.startDemo())
  }

  async signOut(): Promise<AuthStatus> {
    await this.#end()
    this.#session = null
    const account = await this.deps.auth.signOut()
    // The cache of the fleet shown belongs to the account of that fleet (after a rejected token, the session
    // may already have forgotten who it was).
    const owner = account?.uuid ?? this.deps.shown.accountUuid()
    if (owner) await this.deps.actions.signedOut(owner)
    await this.deps.shown.dropAccount(owner)
    this.deps.authChanged()
    return this.deps.auth.status()
  }

  async stop(): Promise<void> {
    await this.#end()
    this.deps.actions.detach()
  }

  /** A refresh someone asked for; false when no session is running. */
  refresh(): boolean {
    if (!this.#session || this.#session.disposed) return false
    void this.#session.refresh()
    return true
  }

  setIntervalMs(ms: number): void {
    this.#session?.setIntervalMs(ms)
  }

  syncStatus(): SyncStatus | null {
    return this.#session?.status() ?? null
  }

  pollStatus(): PollStatus | null {
    return this.#session?.poll() ?? null
  }

  /** After a sign-in or the demo: that account's fleet (never another's), then syncing. */
  async #open(account: Account): Promise<AuthStatus> {
    const { shown } = this.deps
    await this.#end()
    this.#session = null
    if (shown.accountUuid() !== account.uuid) {
      shown.forget()
      await shown.showCached(account.uuid)
    } else {
      shown.markCached()
    }
    this.deps.authChanged()
    this.#startSyncing()
    return this.deps.auth.status()
  }

  #startSyncing(): void {
    const { auth, history, actions, shown, clock, log } = this.deps
    const client = auth.currentClient()
    if (!client) return
    // One budget per session, for the walk and for every charger call of the same client.
    const budget = new RateBudget({ now: () => clock.now() })
    const syncer = this.deps.createSyncer?.(client, budget) ?? new FleetSyncer({ client, budget, log })
    actions.attach(client, budget)
    const session = new SyncSession({
      syncer,
      identify: async (signal) => {
        // A restored token is confirmed once with GET /user: it counts against the budget.
        const requests = auth.isVerified() ? 0 : 1
        const account = await auth.identify(signal)
        // The token turned out to be another account's: the fleet on screen is not this one's.
        const shownAccount = shown.accountUuid()
        if (!signal.aborted && shownAccount && shownAccount !== account.uuid) shown.forget()
        return { account, requests }
      },
      onPage: (chargers, signal) => shown.page(chargers, signal),
      onSynced: (fleet, signal) => shown.file(fleet, signal),
      onFailed: (code, requests) => {
        shown.firstSyncFailed()
        if (auth.currentAccount()) history.failed(code, requests)
      },
      onTokenRejected: async () => {
        const signedOut = await auth.tokenRejected(client)
        if (signedOut) actions.detach()
        return signedOut
      },
      onChange: (change) => {
        if (change === 'stopped') this.deps.authChanged()
        else this.deps.statusChanged(change)
      },
      clock,
      intervalMs: this.deps.intervalMs(),
    })
    this.#session = session
    const account = auth.currentAccount()
    if (account) history.watching(account.uuid)
    session.start()
    this.deps.statusChanged('phase')
  }

  /** Stops syncing and waits for the sync under way to settle, so none of its writes lands afterwards. */
  async #end(): Promise<void> {
    const session = this.#session
    await session?.dispose()
    if (session) this.deps.history.stoppedWatching()
  }
}
