// Where the Plugchoice token is kept between runs. One small interface so that keytar (whose upstream is
// archived) can be replaced by another store (Electron safeStorage, @napi-rs/keyring) in one file.

/** The app keeps one token per install, so the keychain entry's account name is fixed. */
export const KEYCHAIN_ACCOUNT = 'personal-access-token'
export const DEFAULT_KEYCHAIN_SERVICE = 'plugchoice-fleet'

export interface SecretStore {
  /** The saved secret, or null when none is saved. */
  get(): Promise<string | null>
  /** Saves the secret, replacing any previous one. */
  set(secret: string): Promise<void>
  /** Removes the saved secret; false when there was none. */
  delete(): Promise<boolean>
}

/**
 * The keychain cannot be used right now. `reason` is short and meant for people ("the keyring is locked"):
 * the UI shows "Not saved: the system keychain is unavailable (<reason>)". It never holds the secret.
 */
export class KeychainUnavailableError extends Error {
  override readonly name = 'KeychainUnavailableError'

  constructor(
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`The system keychain is unavailable (${reason})`, options)
  }
}

/** The keychain service name: `PLUGFLEET_KEYCHAIN_SERVICE`, or 'plugchoice-fleet'. */
export function keychainServiceName(env: NodeJS.ProcessEnv = process.env): string {
  return env.PLUGFLEET_KEYCHAIN_SERVICE?.trim() || DEFAULT_KEYCHAIN_SERVICE
}
