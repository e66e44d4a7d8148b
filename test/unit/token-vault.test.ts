// The token vault and keytar store without any keyring: keytar stand-ins that fail with the exact messages
// the real keytar gives (recorded on Debian 12: no D-Bus session, a locked collection, no libsecret).
import { afterEach, describe, expect, it, vi } from 'vitest'
import { KeytarSecretStore, keychainUnavailableReason, type KeytarApi } from '@main/secrets/keytar-secret-store'
import {
  DEFAULT_KEYCHAIN_SERVICE,
  KEYCHAIN_ACCOUNT,
  KeychainUnavailableError,
  keychainServiceName,
  type SecretStore,
} from '@main/secrets/secret-store'
import { TokenVault } from '@main/secrets/token-vault'

const NO_DBUS = 'Cannot autolaunch D-Bus without X11 $DISPLAY'
const LOCKED = 'Cannot create an item in a locked collection'
const NO_LIBSECRET = 'libsecret-1.so.0: cannot open shared object file: No such file or directory'

/** A keychain in memory that can be made to fail like keytar, counting what it is asked. */
class FakeKeytar implements KeytarApi {
  entries = new Map<string, string>()
  failWith: string | null = null
  calls: string[] = []

  async getPassword(service: string, account: string): Promise<string | null> {
    this.calls.push('get')
    this.maybeFail()
    return this.entries.get(`${service}/${account}`) ?? null
  }
  async setPassword(service: string, account: string, password: string): Promise<void> {
    this.calls.push('set')
    this.maybeFail()
    this.entries.set(`${service}/${account}`, password)
  }
  async deletePassword(service: string, account: string): Promise<boolean> {
    this.calls.push('delete')
    this.maybeFail()
    return this.entries.delete(`${service}/${account}`)
  }
  private maybeFail(): void {
    if (this.failWith !== null) throw new Error(this.failWith)
  }
}

function storeOver(keytar: KeytarApi): KeytarSecretStore {
  return new KeytarSecretStore({ service: 'svc', loadKeytar: async () => keytar })
}

describe('keychain failure reasons', () => {
  it.each([
    [NO_DBUS, 'no D-Bus session'],
    ['Could not connect: No such file or directory', 'no D-Bus session'],
    [LOCKED, 'the keyring is locked'],
    [NO_LIBSECRET, 'libsecret is not installed'],
    ['The name org.freedesktop.secrets was not provided by any .service files', 'no Secret Service is running'],
    [
      'Object does not exist at path “/org/freedesktop/secrets/collection/login”',
      'the keyring has no default collection',
    ],
    ['User canceled the operation.', 'access was denied'],
    ['Access is denied.', 'access was denied'],
    ['User interaction is not allowed.', 'access was denied'],
  ])('"%s" → %s', (message, reason) => {
    expect(keychainUnavailableReason(new Error(message))).toBe(reason)
  })

  it('passes an unknown failure through, short, and without the secret in it', () => {
    const reason = keychainUnavailableReason(new Error('weird failure for tok-123\nsecond line'), 'tok-123')
    expect(reason).toBe('the keychain reported: weird failure for [token]')
  })
})

describe('KeytarSecretStore', () => {
  it('uses PLUGFLEET_KEYCHAIN_SERVICE, else plugchoice-fleet, and a fixed account', () => {
    expect(keychainServiceName({ PLUGFLEET_KEYCHAIN_SERVICE: 'my-service' })).toBe('my-service')
    expect(keychainServiceName({ PLUGFLEET_KEYCHAIN_SERVICE: '  ' })).toBe(DEFAULT_KEYCHAIN_SERVICE)
    expect(keychainServiceName({})).toBe('plugchoice-fleet')
    const store = new KeytarSecretStore({ loadKeytar: async () => new FakeKeytar() })
    expect(store.account).toBe(KEYCHAIN_ACCOUNT)
  })

  it('turns keytar failures into KeychainUnavailableError with a reason', async () => {
    const keytar = new FakeKeytar()
    keytar.failWith = LOCKED
    const error = await storeOver(keytar)
      .set('tok-abc')
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(KeychainUnavailableError)
    expect((error as KeychainUnavailableError).reason).toBe('the keyring is locked')
    expect((error as Error).message).toBe('The system keychain is unavailable (the keyring is locked)')
  })

  it('turns a keytar that cannot load into KeychainUnavailableError, on every call, without retrying the load', async () => {
    let loads = 0
    const store = new KeytarSecretStore({
      loadKeytar: async () => {
        loads++
        throw new Error(NO_LIBSECRET)
      },
    })
    await expect(store.get()).rejects.toMatchObject({ reason: 'libsecret is not installed' })
    await expect(store.set('x')).rejects.toBeInstanceOf(KeychainUnavailableError)
    expect(loads).toBe(1)
  })

  it('never lets the secret into the error when keytar echoes it', async () => {
    const keytar = new FakeKeytar()
    keytar.failWith = 'bad value secret-xyz-987 rejected'
    const error = (await storeOver(keytar)
      .set('secret-xyz-987')
      .catch((e: unknown) => e)) as KeychainUnavailableError
    expect(error.message).not.toContain('secret-xyz-987')
    expect(error.reason).not.toContain('secret-xyz-987')
    expect(error.cause).toBeUndefined()
  })
})

describe('TokenVault', () => {
  it('reads the keychain once at start, then answers from memory', async () => {
    const keytar = new FakeKeytar()
    keytar.entries.set(`svc/${KEYCHAIN_ACCOUNT}`, 'stored-token')
    const vault = new TokenVault(storeOver(keytar))
    expect(await vault.load()).toBe('stored-token')
    expect(await vault.load()).toBe('stored-token')
    expect(keytar.calls).toEqual(['get'])
    expect(vault.status()).toEqual({ saved: true, keychain: { available: true, reason: null } })
  })

  it('saves to the keychain and clears from it', async () => {
    const keytar = new FakeKeytar()
    const vault = new TokenVault(storeOver(keytar))
    await vault.save('tok-1')
    expect(keytar.entries.get(`svc/${KEYCHAIN_ACCOUNT}`)).toBe('tok-1')
    expect(vault.status().saved).toBe(true)
    await vault.clear()
    expect(keytar.entries.size).toBe(0)
    expect(await vault.load()).toBeNull()
    expect(vault.status()).toEqual({ saved: false, keychain: { available: true, reason: null } })
  })

  it.each([
    [NO_DBUS, 'no D-Bus session'],
    [LOCKED, 'the keyring is locked'],
  ])('with keytar failing "%s" keeps the token in memory for this session and says why', async (message, reason) => {
    const keytar = new FakeKeytar()
    keytar.failWith = message
    const vault = new TokenVault(storeOver(keytar))
    expect(await vault.load()).toBeNull()
    await vault.save('session-token')
    expect(await vault.load()).toBe('session-token')
    expect(vault.status()).toEqual({ saved: false, keychain: { available: false, reason } })
    expect(keytar.entries.size).toBe(0)
    // A restart (a new vault) has nothing: the token was never written anywhere.
    keytar.failWith = null
    expect(await new TokenVault(storeOver(keytar)).load()).toBeNull()
  })

  it('works when keytar cannot even load', async () => {
    const vault = new TokenVault(
      new KeytarSecretStore({
        loadKeytar: async () => {
          throw new Error(NO_LIBSECRET)
        },
      }),
    )
    await vault.save('tok')
    expect(await vault.load()).toBe('tok')
    expect(vault.status().keychain).toEqual({ available: false, reason: 'libsecret is not installed' })
  })

  it('saves to the keychain again once it is unlocked', async () => {
    const keytar = new FakeKeytar()
    keytar.failWith = LOCKED
    const vault = new TokenVault(storeOver(keytar))
    await vault.save('tok-early')
    expect(vault.status().keychain.available).toBe(false)
    keytar.failWith = null
    await vault.save('tok-later')
    expect(vault.status()).toEqual({ saved: true, keychain: { available: true, reason: null } })
    expect(keytar.entries.get(`svc/${KEYCHAIN_ACCOUNT}`)).toBe('tok-later')
  })

  it('asks the keychain again at the next load when it was unavailable at start', async () => {
    const keytar = new FakeKeytar()
    keytar.entries.set(`svc/${KEYCHAIN_ACCOUNT}`, 'stored-token')
    keytar.failWith = NO_DBUS
    const vault = new TokenVault(storeOver(keytar))
    expect(await vault.load()).toBeNull()
    keytar.failWith = null
    expect(await vault.load()).toBe('stored-token')
    expect(vault.status().keychain.available).toBe(true)
  })

  it('removes an older token when the new one cannot be saved, so the old one does not come back', async () => {
    const entries = new Map([['token', 'old-account-token']])
    const store: SecretStore = {
      get: async () => entries.get('token') ?? null,
      set: async () => {
        throw new KeychainUnavailableError('access was denied')
      },
      delete: async () => entries.delete('token'),
    }
    const vault = new TokenVault(store)
    await vault.save('new-account-token')
    expect(entries.size).toBe(0)
    expect(vault.status().keychain).toEqual({ available: false, reason: 'access was denied' })
    expect(await vault.load()).toBe('new-account-token')
  })

  it('never puts the token in its status, even when the store echoes it', async () => {
    const store: SecretStore = {
      get: async () => null,
      set: async (secret) => {
        throw new KeychainUnavailableError(`refused ${secret}`)
      },
      delete: async () => false,
    }
    const vault = new TokenVault(store)
    await vault.save('tok-leaky-555')
    expect(JSON.stringify(vault.status())).not.toContain('tok-leaky-555')
  })

  it('runs operations in the order they were asked: a sign-out right after a sign-in wins', async () => {
    const keytar = new FakeKeytar()
    const vault = new TokenVault(storeOver(keytar))
    const saving = vault.save('tok')
    const clearing = vault.clear()
    await Promise.all([saving, clearing])
    expect(keytar.calls).toEqual(['set', 'delete'])
    expect(keytar.entries.size).toBe(0)
    expect(await vault.load()).toBeNull()
  })

  it('creates its store lazily and again after the factory failed', async () => {
    const keytar = new FakeKeytar()
    let attempts = 0
    const vault = new TokenVault(async () => {
      attempts++
      if (attempts === 1) throw new KeychainUnavailableError('no D-Bus session')
      return storeOver(keytar)
    })
    expect(attempts).toBe(0)
    await vault.save('tok')
    expect(vault.status().keychain.reason).toBe('no D-Bus session')
    await vault.save('tok')
    expect(vault.status()).toEqual({ saved: true, keychain: { available: true, reason: null } })
    expect(attempts).toBe(2)
  })
})

/** A keychain that answers nothing until told to (an unlock prompt nobody answers). */
class SilentStore implements SecretStore {
  pending: Array<(value: string | null) => void> = []
  get(): Promise<string | null> {
    return new Promise((resolve) => this.pending.push(resolve))
  }
  set(): Promise<void> {
    return new Promise((resolve) => this.pending.push(() => resolve()))
  }
  delete(): Promise<boolean> {
    return new Promise((resolve) => this.pending.push(() => resolve(true)))
  }
}

describe('TokenVault when the keychain does not answer', () => {
  afterEach(() => vi.useRealTimers())

  it('says it is waiting after a moment, then gives up at the deadline: no token, keychain unavailable', async () => {
    vi.useFakeTimers()
    const vault = new TokenVault(new SilentStore(), { timeoutMs: 30_000, waitingAfterMs: 1_000 })
    const changes: Array<boolean | undefined> = []
    vault.onChange(() => changes.push(vault.status().keychain.waiting))
    let loaded: string | null | undefined
    void vault.load().then((token) => (loaded = token))
    await vi.advanceTimersByTimeAsync(999)
    expect(vault.status().keychain.waiting).toBeUndefined()
    await vi.advanceTimersByTimeAsync(1)
    expect(vault.status().keychain).toEqual({ available: true, reason: null, waiting: true })
    expect(loaded).toBeUndefined()
    await vi.advanceTimersByTimeAsync(29_000)
    expect(loaded).toBeNull()
    expect(vault.status()).toEqual({
      saved: false,
      keychain: { available: false, reason: 'the system keychain did not answer within 30 s' },
    })
    expect(changes).toEqual([true, undefined])
  })

  it('a sign-in while the keychain hangs keeps the token for this session, and a sign-out is not held up', async () => {
    vi.useFakeTimers()
    const vault = new TokenVault(new SilentStore(), { timeoutMs: 5_000, waitingAfterMs: 500 })
    const saved = vault.save('pat-1')
    // The set, then the best-effort delete after a failed save, each with its own deadline.
    await vi.advanceTimersByTimeAsync(10_000)
    await saved
    expect(await vault.load()).toBe('pat-1')
    expect(vault.status().saved).toBe(false)
    expect(vault.status().keychain.available).toBe(false)
    const cleared = vault.clear()
    await vi.advanceTimersByTimeAsync(5_000)
    expect(await cleared).toBe(false)
    expect(await vault.load()).toBeNull()
  })

  it('a keychain that answers in time is used as before, without a waiting state', async () => {
    vi.useFakeTimers()
    const store = new SilentStore()
    const vault = new TokenVault(store, { timeoutMs: 5_000, waitingAfterMs: 500 })
    const changes: unknown[] = []
    vault.onChange(() => changes.push(vault.status()))
    const loaded = vault.load()
    await vi.advanceTimersByTimeAsync(100)
    store.pending.shift()!('pat-9')
    expect(await loaded).toBe('pat-9')
    expect(vault.status()).toEqual({ saved: true, keychain: { available: true, reason: null } })
    expect(changes).toEqual([])
  })
})
