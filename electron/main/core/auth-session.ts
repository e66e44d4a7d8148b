// Who the app is signed in as, and the sign-in lifecycle (issue 3): a token is checked with GET /user before
// it is stored; a rejected or unreachable check stores nothing; signing out forgets the token, the account
// and (by the caller) that account's cached fleet. The token stays inside this class and the vault.
import type { Account, AuthStatus } from '../../../shared/app-schemas'
import type { User } from '../../../shared/plugchoice-schemas'
import { PlugchoiceClient } from '../api/plugchoice-client'
import { PlugchoiceError } from '../api/api-errors'
import type { AccountStore } from '../storage/account-store'
import type { TokenVault } from '../secrets/token-vault'
import { AppError } from '../ipc/app-error'
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
  private demo: DemoApi | null = null
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

  /** Start-up: a stored token is read once; the remembered account names whose cache to show. */
  async restore(): Promise<void> {
    const token = await this.deps.vault.load()
    if (!token) {
      this.signedOut(null)
      return
    }
    this.client = this.createClient(this.deps.apiBase, token)
    this.account = await this.deps.accounts.load()
    this.state = 'signed-in'
    this.message = null
  }

  /** Learns the account of a restored token whose account was not remembered (the first sync asks). */
  async identify(): Promise<Account> {
    if (this.account) return this.account
    if (!this.client) throw new AppError('signed-out', 'Sign in first.')
    this.account = toAccount(await this.client.getUser())
    await this.deps.accounts.save(this.account)
    return this.account
  }

  /** Checks the token with Plugchoice, then stores it. Nothing is stored unless Plugchoice accepts it. */
  async signIn(raw: string): Promise<{ account: Account; previous: Account | null }> {
    const token = normalizeToken(raw)
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
    const previous = this.account
    await this.stopDemo()
    await this.deps.vault.save(token)
    const account = toAccount(user)
    await this.deps.accounts.save(account)
    this.client = client
    this.account = account
    this.state = 'signed-in'
    this.message = this.deps.vault.status().saved ? null : 'Signed in for this session only: the token could not be saved.'
    return { account, previous }
  }

  /** Demo mode: the simulated fleet, with a token that is never stored anywhere. */
  async startDemo(): Promise<Account> {
    if (!this.deps.startDemoApi) throw new AppError('demo-unavailable', 'The demo fleet is not available in this build.')
    if (this.state === 'signed-in') throw new AppError('already-signed-in', 'Sign out first to try the demo fleet.')
    await this.stopDemo()
    const demo = await this.deps.startDemoApi()
    try {
      const client = this.createClient(new URL(demo.baseUrl), demo.token)
      const account = toAccount(await client.getUser())
      this.demo = demo
      this.client = client
      this.account = account
      this.state = 'demo'
      this.message = null
      return account
    } catch (error) {
      await demo.stop()
      throw error
    }
  }

  /** Plugchoice rejected the token while polling: it is forgotten, the account (and its cache) kept. */
  async tokenRejected(): Promise<void> {
    if (this.state === 'demo') return
    await this.deps.vault.clear()
    this.client = null
    this.state = 'token-rejected'
    this.message = 'Signed out: Plugchoice rejected the saved token (it may have expired or been revoked). Sign in again to resume.'
  }

  /** Forgets the token and the remembered account; returns the account that was signed in. */
  async signOut(): Promise<Account | null> {
    const account = this.account
    await this.stopDemo()
    await this.deps.vault.clear()
    await this.deps.accounts.clear()
    this.signedOut(null)
    return account
  }

  async dispose(): Promise<void> {
    await this.stopDemo()
  }

  private signedOut(message: string | null): void {
    this.client = null
    this.account = null
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
