// The app's view of the Plugchoice token. The token lives in the OS keychain; when the keychain cannot be
// used the app keeps working with the token held in memory for this session only (never written anywhere
// else) and status() says why, so the UI can show "Not saved: the system keychain is unavailable (<reason>)".
// Nothing here logs, and no error leaving this module carries the token.
// Every keychain call has a deadline: an unlock prompt nobody answers, or a Secret Service that never replies,
// shows "Waiting for the system keychain…" (keychain.waiting) after a moment and becomes "unavailable" (the
// token is kept for this session only) at the deadline, never a hang of sign-in, sign-out or start-up.
import { KeychainUnavailableError, type SecretStore } from './secret-store'

export interface TokenVaultStatus {
  /** The token is saved in the keychain (false: none, or held in memory for this session only). */
  saved: boolean
  /** `waiting` is present (true) while a keychain call is taking longer than a moment. */
  keychain: { available: boolean; reason: string | null; waiting?: true }
}

type StoreSource = SecretStore | (() => Promise<SecretStore>)

export interface TokenVaultOptions {
  /** How long a keychain call may take (an unlock prompt included) before the vault gives up on it. */
  timeoutMs?: number
  /** How long a call may take before the status says the app is waiting for the keychain. */
  waitingAfterMs?: number
}

/** Long enough to type a keyring password into an unlock prompt. */
export const KEYCHAIN_TIMEOUT_MS = 30_000
export const KEYCHAIN_WAITING_AFTER_MS = 1_000

export class TokenVault {
  private readonly source: StoreSource
  private store: Promise<SecretStore> | null = null
  /** undefined until the keychain has been read once; afterwards the token of this session (or null). */
  private token: string | null | undefined = undefined
  private saved = false
  private unavailableReason: string | null = null
  /** Operations run one after the other, so a sign-out cannot overtake the save it follows. */
  private queue: Promise<unknown> = Promise.resolve()
  private waiting = 0
  private readonly listeners = new Set<() => void>()
  private readonly timeoutMs: number
  private readonly waitingAfterMs: number

  constructor(store: StoreSource, options: TokenVaultOptions = {}) {
    this.source = store
    this.timeoutMs = options.timeoutMs ?? KEYCHAIN_TIMEOUT_MS
    this.waitingAfterMs = options.waitingAfterMs ?? KEYCHAIN_WAITING_AFTER_MS
  }

  /** Called whenever status() changes by itself (waiting starts or ends); returns the unsubscribe. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** The token: read from the keychain once, then from memory. Null when there is none. */
  load(): Promise<string | null> {
    return this.serial(async () => {
      if (this.token !== undefined) return this.token
      const result = await this.attempt((store) => store.get())
      if (!result.ok) {
        // Left unread: the next load asks the keychain again (its daemon may have been starting).
        this.saved = false
        return null
      }
      this.token = result.value
      this.saved = result.value !== null
      return this.token
    })
  }

  /** Keeps the token: in the keychain when it can, otherwise in memory for this session (see status()). */
  save(token: string): Promise<void> {
    if (token.length === 0) return Promise.reject(new Error('TokenVault.save needs a non-empty token'))
    return this.serial(async () => {
      this.token = token
      const result = await this.attempt((store) => store.set(token), token)
      this.saved = result.ok
      // Best effort: an older token left in the keychain must not come back at the next start in place of
      // the one the user just gave (a locked keyring usually refuses this too, and reads as empty anyway).
      if (!result.ok) {
        const reason = this.unavailableReason
        await this.attempt((store) => store.delete())
        this.unavailableReason = reason
      }
    })
  }

  /** Forgets the token, in memory and in the keychain; false when the keychain could not be asked to. */
  clear(): Promise<boolean> {
    return this.serial(async () => {
      this.token = null
      this.saved = false
      return (await this.attempt((store) => store.delete())).ok
    })
  }

  status(): TokenVaultStatus {
    const keychain: TokenVaultStatus['keychain'] = {
      available: this.unavailableReason === null,
      reason: this.unavailableReason,
    }
    if (this.waiting > 0) keychain.waiting = true
    return { saved: this.saved, keychain }
  }

  private serial<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.queue.then(operation, operation)
    this.queue = run.catch(() => undefined)
    return run
  }

  private async attempt<T>(
    operation: (store: SecretStore) => Promise<T>,
    secret?: string,
  ): Promise<{ ok: true; value: T } | { ok: false }> {
    try {
      const value = await this.withDeadline(async () => operation(await this.resolveStore()))
      this.unavailableReason = null
      return { ok: true, value }
    } catch (error) {
      this.unavailableReason = reasonOf(error, secret)
      return { ok: false }
    }
  }

  /** The call's answer, or a KeychainUnavailableError at the deadline (the call itself cannot be cancelled). */
  private withDeadline<T>(call: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let waitingShown = false
      const waitingTimer = setTimeout(() => {
        waitingShown = true
        this.waiting++
        this.changed()
      }, this.waitingAfterMs)
      const deadline = setTimeout(() => {
        settle()
        const seconds = Math.round(this.timeoutMs / 1000)
        reject(new KeychainUnavailableError(`the system keychain did not answer within ${seconds} s`))
      }, this.timeoutMs)
      let settled = false
      const settle = () => {
        if (settled) return false
        settled = true
        clearTimeout(waitingTimer)
        clearTimeout(deadline)
        if (waitingShown) {
          this.waiting--
          this.changed()
        }
        return true
      }
      call().then(
        (value) => settle() && resolve(value),
        (error: unknown) => settle() && reject(error instanceof Error ? error : new Error(String(error))),
      )
    })
  }

  private changed(): void {
    for (const listener of this.listeners) listener()
  }

  private resolveStore(): Promise<SecretStore> {
    if (typeof this.source !== 'function') return Promise.resolve(this.source)
    const factory = this.source
    // A factory that fails is asked again next time: the failure may be passing (keyring daemon starting).
    this.store ??= factory().catch((error: unknown) => {
      this.store = null
      throw error
    })
    return this.store
  }
}

function reasonOf(error: unknown, secret: string | undefined): string {
  const reason = error instanceof KeychainUnavailableError ? error.reason : 'the keychain failed unexpectedly'
  return secret ? reason.split(secret).join('[token]') : reason
}
