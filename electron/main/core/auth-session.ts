// Who the app is signed in as, and the sign-in lifecycle (issue 3): a token is checked with GET /user before
// it is stored; a rejected or unreachable check stores nothing; signing out forgets the token, the account
// and (by the caller) that account's cached fleet. The token stays inside this class and the vault.
// Every change runs one after another (a queue), and a late answer about an old token (a 401, a GET /user)
// only applies while that token's client is still the session's: a sign-in can never be undone by the
// previous session's last poll.
import type { Account, AuthStatus } from '@shared/app-schemas'
import type { User } from '@shared/plugchoice-schemas'
import { PlugchoiceClient } from '../api/plugchoice-client'
import { cancelledError, PlugchoiceError } from '../api/api-errors'
import type { AccountStore } from '../storage/account-store'
import type { TokenVault } from '../secrets/token-vault'
import { AppError } from './app-error'
import { normalizeToken } from './token-input'

export interface DemoApi {
  baseUrl: string
  token: string
  stop(): Promise<void>
}

export interface AuthSessionDeps {
  apiBase: URL
  vault: TokenVault
  accounts: AccountStore
  createClient?: (base: URL, token: string) => PlugchoiceClient
  /** Starts the simulated Plugchoice fleet for "Try the demo fleet"; absent where demo mode is not offered. */
  startDemoApi?: () => Promise<DemoApi>
}

type State = AuthStatus['state']

export class AuthSession {
  private state: State = 'signed-out'
  private account: Account | null = null
  private message: string | null = null
  private client: PlugchoiceClient | null = null
  /** False for a restored token until GET /user has confirmed whose it is. */
  private verified = false
  private demo: DemoApi | null = null
  private queue: Promise<unknown> = Promise.resolve()
  private readonly createClient: (base: URL, token: string) => PlugchoiceClient

  constructor(private readonly deps: AuthSessionDeps) {
    this.createClient = deps.createClient ?? ((base, token) => new PlugchoiceClient({ base, token }))
  }

  status(): AuthStatus {
    const vault = this.deps.vault.status()
    return {
      state: this.state,
      account: this.account,
      tokenSaved: this.state === 'signed-in' && vault.saved,
      keychain: vault.keychain,
      message: this.message,
    }
  }

  /** The client of the session, or null when signed out. */
  currentClient(): PlugchoiceClient | null {
    return this.client
  }

  currentAccount(): Account | null {
    return this.account
  }

  /** Whether GET /user has confirmed the account of the current token. */
  isVerified(): boolean {
    return this.verified
  }

  /** The account remembered from the last run (from disk, without the keychain). */
  rememberedAccount(): Promise<Account | null> {
    return this.deps.accounts.load()
  }

  /** Start-up: a stored token is read once; the remembered account names whose cache to show. */
  restore(): Promise<void> {
    return this.serial(async () => {
      const token = await this.deps.vault.load()
      if (!token) {
        this.signedOut(null)
        return
      }
      this.client = this.createClient(this.deps.apiBase, token)
      this.account = await this.deps.accounts.load()
      this.verified = false
      this.state = 'signed-in'
      this.message = null
    })
  }

  /**
   * The account of the session, confirmed with GET /user once per restored token (the remembered account
   * may belong to an older token: a sync must never file one account's fleet under another's name).
   */
  async identify(signal?: AbortSignal): Promise<Account> {
    const client = this.client
    if (!client) throw new AppError('signed-out', 'Sign in first.')
    if (this.verified && this.account) return this.account
    const user = await client.getUser(signal)
    return this.serial(async () => {
      if (this.client !== client) throw cancelledError()
      const account = toAccount(user)
      if (
        this.account?.uuid !== account.uuid ||
        this.account.name !== account.name ||
        this.account.email !== account.email
      ) {
        await this.deps.accounts.save(account)
      }
      this.account = account
      this.verified = true
      return account
    })
  }

  /** Checks the token with Plugchoice, then stores it. Nothing is stored unless Plugchoice accepts it. */
  signIn(raw: string): Promise<Account> {
    const token = normalizeToken(raw)
    return this.serial(async () => {
      const client = this.createClient(this.deps.apiBase, token)
      let user: User
      try {
        user = await client.getUser()
      } catch (error) {
        if (error instanceof PlugchoiceError && error.code === 'token-rejected') {
          throw new AppError(
            'token-rejected',
            'Plugchoice rejected this token. Check that you copied all of it and that it has not been revoked or expired.',
          )
        }
        throw error
      }
      const account = toAccount(user)
      // The account first: if it cannot be written, nothing is stored and the sign-in fails as a whole.
      await this.deps.accounts.save(account)
      await this.stopDemo()
      await this.deps.vault.save(token)
      this.client = client
      this.account = account
      this.verified = true
      this.state = 'signed-in'
      this.message = this.deps.vault.status().saved
        ? null
        : 'Signed in for this session only: the token could not be saved.'
      return account
    })
  }

  /** Demo mode: the simulated fleet, with a token that is never stored anywhere. */
  startDemo(): Promise<Account> {
    return this.serial(async () => {
      if (!this.deps.startDemoApi)
        throw new AppError('demo-unavailable', 'The demo fleet is not available in this build.')
      if (this.state === 'signed-in') throw new AppError('already-signed-in', 'Sign out first to try the demo fleet.')
      await this.stopDemo()
      const demo = await this.deps.startDemoApi()
      try {
        const client = this.createClient(new URL(demo.baseUrl), demo.token)
        const account = toAccount(await client.getUser())
        this.demo = demo
        this.client = client
        this.account = account
        this.verified = true
        this.state = 'demo'
        this.message = null
        return account
      } catch (error) {
        await demo.stop()
        throw error
      }
    })
  }

  /**
   * Plugchoice rejected the token of `client` while polling: it is forgotten, the account (and its cache)
   * kept. False when that client is no longer the session's (the user signed in again meanwhile).
   */
  tokenRejected(client: PlugchoiceClient): Promise<boolean> {
    return this.serial(async () => {
      if (this.client !== client || this.state === 'demo') return false
      await this.deps.vault.clear()
      this.client = null
      this.state = 'token-rejected'
      this.message =
        'Signed out: Plugchoice rejected the saved token (it may have expired or been revoked). Sign in again to resume.'
      return true
    })
  }

  /** Forgets the token and the remembered account; returns the account that was signed in. */
  signOut(): Promise<Account | null> {
    return this.serial(async () => {
      const account = this.account
      await this.stopDemo()
      const removed = await this.deps.vault.clear()
      await this.deps.accounts.clear()
      const reason = this.deps.vault.status().keychain.reason
      this.signedOut(
        removed
          ? null
          : `Signed out, but the token could not be removed from the system keychain (${reason ?? 'unknown reason'}).`,
      )
      return account
    })
  }

  async dispose(): Promise<void> {
    await this.stopDemo()
  }

  private serial<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.queue.then(operation, operation)
    this.queue = run.catch(() => undefined)
    return run
  }

  private signedOut(message: string | null): void {
    this.client = null
    this.account = null
    this.verified = false
    this.state = 'signed-out'
    this.message = message
  }

  private async stopDemo(): Promise<void> {
    const demo = this.demo
    this.demo = null
    if (demo) {
      if (this.state === 'demo') this.signedOut(null)
      await demo.stop()
    }
  }
}

function toAccount(user: User): Account {
  return { uuid: user.uuid, name: user.name ?? null, email: user.email ?? null }
}
