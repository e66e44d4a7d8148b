// The only file that knows about keytar. keytar is loaded on first use, so a keytar that cannot load
// (libsecret missing on Linux) becomes a KeychainUnavailableError the app can show, not a crash at start-up.
import { KEYCHAIN_ACCOUNT, KeychainUnavailableError, keychainServiceName, type SecretStore } from './secret-store'

/**
 * The part of keytar this store uses. `findCredentials` is deliberately absent: on Linux it crashes the
 * process (SIGSEGV in secret_value_get_text) when the collection is locked and the unlock prompt fails
 * (https://github.com/atom/node-keytar/issues/477, seen here too).
 */
export interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>
  setPassword(service: string, account: string, password: string): Promise<void>
  deletePassword(service: string, account: string): Promise<boolean>
}

export interface KeytarSecretStoreOptions {
  /** Defaults to `PLUGFLEET_KEYCHAIN_SERVICE` or 'plugchoice-fleet'. */
  service?: string
  account?: string
  /** How keytar is loaded; tests pass a stand-in that fails the way keytar fails. */
  loadKeytar?: () => Promise<KeytarApi>
}

async function importKeytar(): Promise<KeytarApi> {
  // keytar is CommonJS: under Node's ESM loader its exports arrive as `default`.
  const loaded = (await import('keytar')) as KeytarApi & { default?: KeytarApi }
  return loaded.default ?? loaded
}

/** Known keychain failures, matched on the messages keytar passes through from the OS. */
const REASONS: ReadonlyArray<readonly [RegExp, string]> = [
  // dlopen of keytar.node: "libsecret-1.so.0: cannot open shared object file: No such file or directory"
  [/libsecret/i, 'libsecret is not installed'],
  // No session bus: "Cannot autolaunch D-Bus without X11 $DISPLAY", "Could not connect: No such file or
  // directory" (a stale DBUS_SESSION_BUS_ADDRESS), "Failed to connect to socket ...".
  [/autolaunch D-Bus|DBUS_SESSION_BUS_ADDRESS|could not connect|failed to connect to socket/i, 'no D-Bus session'],
  // Bus up, nothing providing the Secret Service.
  [/org\.freedesktop\.secrets|ServiceUnknown|not provided by any \.service files/i, 'no Secret Service is running'],
  // "Cannot create an item in a locked collection"
  [/locked/i, 'the keyring is locked'],
  // The default collection is missing and could not be created (its creation prompt failed or was dismissed):
  // "Object does not exist at path “/org/freedesktop/secrets/collection/login”"
  [/object does not exist at path/i, 'the keyring has no default collection'],
  // macOS: errSecUserCanceled "User canceled the operation.", errSecAuthFailed, errSecInteractionNotAllowed;
  // Windows: "Access is denied."; libsecret: a dismissed prompt.
  [/cancel+ed|denied|not allowed|dismissed|auth(entication|orization)? ?failed|passphrase/i, 'access was denied'],
]

/** A short reason a person understands for a keychain failure. Never contains `secret` when one is given. */
export function keychainUnavailableReason(error: unknown, secret?: string): string {
  const message = error instanceof Error ? error.message : String(error)
  for (const [pattern, reason] of REASONS) if (pattern.test(message)) return reason
  const firstLine = (message.split('\n')[0] ?? '').trim().slice(0, 160)
  const safe = secret ? firstLine.split(secret).join('[token]') : firstLine
  return safe ? `the keychain reported: ${safe}` : 'the keychain reported an unknown error'
}

export class KeytarSecretStore implements SecretStore {
  readonly service: string
  readonly account: string
  private readonly loadKeytar: () => Promise<KeytarApi>
  private keytar: Promise<KeytarApi> | null = null

  constructor(options: KeytarSecretStoreOptions = {}) {
    this.service = options.service ?? keychainServiceName()
    this.account = options.account ?? KEYCHAIN_ACCOUNT
    this.loadKeytar = options.loadKeytar ?? importKeytar
  }

  async get(): Promise<string | null> {
    const keytar = await this.load()
    // A locked collection reads as "no entry" (libsecret returns no value without an error): nothing here
    // can tell the two apart, so a locked keyring shows as signed out until sign-in tries to save.
    return this.call(() => keytar.getPassword(this.service, this.account))
  }

  async set(secret: string): Promise<void> {
    const keytar = await this.load()
    await this.call(() => keytar.setPassword(this.service, this.account, secret), secret)
  }

  async delete(): Promise<boolean> {
    const keytar = await this.load()
    return this.call(() => keytar.deletePassword(this.service, this.account))
  }

  private load(): Promise<KeytarApi> {
    // Memoised, failure included: a native module that failed to load will not load on a second try.
    this.keytar ??= this.loadKeytar().catch((error: unknown) => {
      const reason = keychainUnavailableReason(error)
      throw new KeychainUnavailableError(
        reason.startsWith('the keychain reported') ? 'the keychain module could not be loaded' : reason,
        { cause: error },
      )
    })
    return this.keytar
  }

  private async call<T>(operation: () => Promise<T>, secret?: string): Promise<T> {
    try {
      return await operation()
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      // The cause is kept for diagnostics only when it cannot carry the secret.
      const cause = secret && message.includes(secret) ? undefined : error
      throw new KeychainUnavailableError(keychainUnavailableReason(error, secret), { cause })
    }
  }
}
