// The app's view of the Plugchoice token. The token lives in the OS keychain; when the keychain cannot be
// used the app keeps working with the token held in memory for this session only (never written anywhere
// else) and status() says why, so the UI can show "Not saved: the system keychain is unavailable (<reason>)".
// Nothing here logs, and no error leaving this module carries the token.
import { KeychainUnavailableError, type SecretStore } from './secret-store'

export interface TokenVaultStatus {
  /** The token is saved in the keychain (false: none, or held in memory for this session only). */
  saved: boolean
  keychain: { available: boolean; reason: string | null }
}

type StoreSource = SecretStore | (() => Promise<SecretStore>)

export class TokenVault {
  private readonly source: StoreSource
  private store: Promise<SecretStore> | null = null
  /** undefined until the keychain has been read once; afterwards the token of this session (or null). */
  private token: string | null | undefined = undefined
  private saved = false
  private unavailableReason: string | null = null
  /** Operations run one after the other, so a sign-out cannot overtake the save it follows. */
  private queue: Promise<unknown> = Promise.resolve()

  constructor(store: StoreSource) {
    this.source = store
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
    return {
      saved: this.saved,
      keychain: { available: this.unavailableReason === null, reason: this.unavailableReason },
    }
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
      const value = await operation(await this.resolveStore())
      this.unavailableReason = null
      return { ok: true, value }
    } catch (error) {
      this.unavailableReason = reasonOf(error, secret)
      return { ok: false }
    }
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
