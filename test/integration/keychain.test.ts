// The token's keychain storage against the real thing: keytar → libsecret → D-Bus → gnome-keyring.
// CI runs this file inside test/keyring/with-secret-service.sh (a private Secret Service); a plain
// `npx vitest run` on a machine without one skips the real-keychain suite and says why.
import { execFileSync, spawnSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, readdirSync, rmSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KeytarSecretStore } from '@main/secrets/keytar-secret-store'
import { KEYCHAIN_ACCOUNT } from '@main/secrets/secret-store'
import { TokenVault } from '@main/secrets/token-vault'

const repoRoot = resolve(import.meta.dirname, '../..')
const wrapper = join(repoRoot, 'test/keyring/with-secret-service.sh')
const probe = join(repoRoot, 'test/keyring/vault-probe.ts')

function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0
}

function secretServiceOwned(): boolean {
  const reply = spawnSync(
    'dbus-send',
    [
      '--session',
      '--print-reply',
      '--dest=org.freedesktop.DBus',
      '/org/freedesktop/DBus',
      'org.freedesktop.DBus.NameHasOwner',
      'string:org.freedesktop.secrets',
    ],
    { encoding: 'utf8', timeout: 5000 },
  )
  return reply.status === 0 && reply.stdout.includes('boolean true')
}

/** Why the real-keychain suite cannot run here, or null when it can. */
function whyNoSecretService(): string | null {
  if (process.platform !== 'linux') return 'the Secret Service suite is Linux-only'
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) {
    return 'no D-Bus session (run it inside test/keyring/with-secret-service.sh)'
  }
  if (!hasCommand('dbus-send')) return 'dbus-send is not installed (apt-get install dbus)'
  if (!hasCommand('secret-tool')) return 'secret-tool is not installed (apt-get install libsecret-tools)'
  if (!secretServiceOwned()) return 'nothing owns org.freedesktop.secrets on the session bus (no keyring daemon)'
  return null
}

const skipReason = whyNoSecretService()
if (skipReason) console.warn(`keychain.test.ts: skipping the real Secret Service tests: ${skipReason}`)

/** The entries secret-tool (libsecret's own CLI, not keytar) finds for a service, with their secrets. */
function secretToolEntries(service: string): string[] {
  // secret-tool prints the attributes on stderr: only the entries on stdout matter here.
  const out = execFileSync('secret-tool', ['search', '--all', 'service', service], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  })
  return out
    .split('\n')
    .filter((line) => line.startsWith('secret = '))
    .map((line) => line.slice('secret = '.length))
}

describe.skipIf(skipReason !== null)('keychain: the real Secret Service', () => {
  // A service name of its own per run: the tests never see (or clobber) the user's real entry.
  const service = `plugchoice-fleet-test-${randomUUID()}`
  const previousService = process.env.PLUGFLEET_KEYCHAIN_SERVICE

  beforeAll(() => {
    process.env.PLUGFLEET_KEYCHAIN_SERVICE = service
  })
  afterAll(async () => {
    await new KeytarSecretStore({ service }).delete().catch(() => false)
    if (previousService === undefined) delete process.env.PLUGFLEET_KEYCHAIN_SERVICE
    else process.env.PLUGFLEET_KEYCHAIN_SERVICE = previousService
  })

  it('sets, reads, replaces and deletes one entry under the configured service', async () => {
    const store = new KeytarSecretStore()
    expect(store.service).toBe(service)
    expect(store.account).toBe(KEYCHAIN_ACCOUNT)
    expect(await store.get()).toBeNull()

    await store.set('first-token-1111')
    expect(await store.get()).toBe('first-token-1111')
    expect(secretToolEntries(service)).toEqual(['first-token-1111'])

    await store.set('second-token-2222')
    expect(await store.get()).toBe('second-token-2222')
    // Replaced in place: still exactly one entry for the service.
    expect(secretToolEntries(service)).toEqual(['second-token-2222'])

    expect(await store.delete()).toBe(true)
    expect(await store.get()).toBeNull()
    expect(secretToolEntries(service)).toEqual([])
    expect(await store.delete()).toBe(false)
  })

  it('keeps the token across restarts of the app and forgets it on clear', async () => {
    const first = new TokenVault(new KeytarSecretStore())
    await first.save('restart-token-3333')
    expect(first.status()).toEqual({ saved: true, keychain: { available: true, reason: null } })

    // A new vault over a new store is what the next start of the app sees.
    const second = new TokenVault(async () => new KeytarSecretStore())
    expect(await second.load()).toBe('restart-token-3333')
    expect(second.status().saved).toBe(true)

    await second.clear()
    expect(secretToolEntries(service)).toEqual([])
    const third = new TokenVault(new KeytarSecretStore())
    expect(await third.load()).toBeNull()
    expect(third.status()).toEqual({ saved: false, keychain: { available: true, reason: null } })
  })

  it('keeps a token with spaces and non-ASCII characters intact', async () => {
    const store = new KeytarSecretStore()
    const token = '42|pAt_ünïcødé €  with spaces'
    await store.set(token)
    expect(await store.get()).toBe(token)
    expect(secretToolEntries(service)).toEqual([token])
    await store.delete()
  })
})

/** Runs the vault in a child process with a HOME and user-data folder of its own, and returns what it saw. */
function runProbe(
  /** A command to run the probe under (the keyring wrapper), or [] for none. */
  wrapWith: string[],
  mode: 'no-keychain' | 'locked',
  token: string,
  env: NodeJS.ProcessEnv,
): { result: { status: unknown; loaded: string | null; afterClear: string | null }; dirs: string[]; root: string } {
  const root = mkdtempSync(join(tmpdir(), 'plugfleet-vault-'))
  const dirs = ['home', 'data', 'config', 'cache', 'user-data'].map((name) => join(root, name))
  for (const dir of dirs) mkdirSync(dir)
  const [program, ...args] = [...wrapWith, process.execPath, '--import', 'tsx', probe, mode]
  const child = spawnSync(program, args, {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...env,
      PLUGFLEET_PROBE_TOKEN: token,
      PLUGFLEET_KEYCHAIN_SERVICE: `plugchoice-fleet-test-${randomUUID()}`,
      HOME: dirs[0],
      XDG_DATA_HOME: dirs[1],
      XDG_CONFIG_HOME: dirs[2],
      XDG_CACHE_HOME: dirs[3],
      PLUGFLEET_USER_DATA: dirs[4],
    },
  })
  expect(child.status, `probe failed: ${child.stderr}`).toBe(0)
  // The token never reaches the child's output streams except the one JSON line that reports it back.
  expect(child.stderr).not.toContain(token)
  const lines = child.stdout.trim().split('\n')
  return { result: JSON.parse(lines[lines.length - 1]!), dirs, root }
}

/** Every file under a folder, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => join(entry.parentPath, entry.name))
}

describe.skipIf(process.platform !== 'linux')('keychain unavailable: the real keytar, no fallback to disk', () => {
  it('without a D-Bus session keeps the token in memory only and says why', () => {
    const env = { ...process.env }
    // What a desktop-less session looks like: no bus address and no X display to autolaunch one from.
    delete env.DBUS_SESSION_BUS_ADDRESS
    delete env.DISPLAY
    delete env.WAYLAND_DISPLAY
    const token = `no-dbus-token-${randomUUID()}`
    const { result, dirs, root } = runProbe([], 'no-keychain', token, env)
    try {
      expect(result.loaded).toBe(token)
      expect(result.status).toEqual({ saved: false, keychain: { available: false, reason: 'no D-Bus session' } })
      expect(result.afterClear).toBeNull()
      for (const dir of dirs) expect(filesUnder(dir), `${dir} should stay empty`).toEqual([])
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })

  const noKeyringTools = ['dbus-run-session', 'dbus-send', 'gnome-keyring-daemon'].find((tool) => !hasCommand(tool))
  if (noKeyringTools)
    console.warn(`keychain.test.ts: skipping the locked-keyring test: ${noKeyringTools} is not installed`)

  it.skipIf(noKeyringTools !== undefined)(
    'with a locked keyring keeps the new token in memory only and says the keyring is locked',
    () => {
      const token = `locked-token-${randomUUID()}`
      // A private keyring of its own (a nested session bus), so locking it cannot disturb any other test.
      const { result, dirs, root } = runProbe(['bash', wrapper], 'locked', token, { ...process.env })
      try {
        expect(result.loaded).toBe(token)
        expect(result.status).toEqual({
          saved: false,
          keychain: { available: false, reason: 'the keyring is locked' },
        })
        expect(result.afterClear).toBeNull()
        for (const dir of dirs) expect(filesUnder(dir), `${dir} should stay empty`).toEqual([])
      } finally {
        rmSync(root, { recursive: true, force: true })
      }
    },
  )
})
