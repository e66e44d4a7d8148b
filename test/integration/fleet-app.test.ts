// The sign-in lifecycle and the fleet the app shows (issues 2 and 3), end to end in the main process:
// the real FleetApp, the simulated Plugchoice API over real HTTP, real files, and the real keychain where a
// Secret Service runs (`npm test` starts one); elsewhere the vault falls back to memory, as the app does.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdtemp, readdir, readFile, rm, writeFile, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { FleetApp } from '@main/core/fleet-app'
import type { DesktopPorts } from '@main/core/desktop-ports'
import { FleetSyncer } from '@main/sync/fleet-sync'
import { KeytarSecretStore } from '@main/secrets/keytar-secret-store'
import { KeychainUnavailableError, type SecretStore } from '@main/secrets/secret-store'
import { TokenVault } from '@main/secrets/token-vault'
import { startSimulatedApi, type SimulatedApi } from '@main/sim/index'
import type { ExportResult } from '@shared/app-schemas'

/** A restart keeps the token only where the keychain works: ask it once. */
const secretServiceRuns = await new KeytarSecretStore({ service: 'plugfleet-probe' }).get().then(
  () => true,
  () => false,
)
if (!secretServiceRuns)
  console.warn('fleet-app: no usable keychain here, so the restart test skips (npm test starts one).')

interface World {
  sim: SimulatedApi
  dir: string
  service: string
  exports: Array<{ fileName: string; csv: string; rows: number }>
  opened: string[]
  logs: string[]
  apps: FleetApp[]
}

let world: World

beforeEach(async () => {
  world = {
    sim: await startSimulatedApi({ fleetSize: 60, seed: 5 }),
    dir: await mkdtemp(join(tmpdir(), 'plugfleet-app-')),
    service: `plugfleet-test-${randomBytes(5).toString('hex')}`,
    exports: [],
    opened: [],
    logs: [],
    apps: [],
  }
})

afterEach(async () => {
  for (const app of world.apps) await app.stop()
  await new KeytarSecretStore({ service: world.service }).delete().catch(() => undefined)
  await world.sim.stop()
  await rm(world.dir, { recursive: true, force: true })
})

async function makeApp(options: { store?: SecretStore; apiBase?: string } = {}): Promise<FleetApp> {
  const ports: DesktopPorts = {
    async saveExport(fileName, csv, rows): Promise<ExportResult> {
      world.exports.push({ fileName, csv, rows })
      return { status: 'saved', path: join(world.dir, fileName), rows }
    },
    async openExternal(url) {
      world.opened.push(url)
      return true
    },
  }
  const app = await FleetApp.open({
    userDataDir: world.dir,
    apiBase: new URL(options.apiBase ?? world.sim.baseUrl),
    vault: new TokenVault(options.store ?? new KeytarSecretStore({ service: world.service })),
    ports,
    createSyncer: (client, budget) => new FleetSyncer({ client, budget, sleep: async () => {} }),
    log: (line) => world.logs.push(line),
  })
  world.apps.push(app)
  return app
}

async function until<T>(read: () => T | Promise<T>, accept: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 10_000
  for (;;) {
    const value = await read()
    if (accept(value)) return value
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value).slice(0, 300)}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** A live fleet of `size`, once the sync that brought it is over (the next poll is scheduled). */
const liveFleet = (app: FleetApp, size = 60) =>
  until(
    () => app.handlers['fleet:snapshot'](undefined),
    (s) => s.status.source === 'live' && s.chargers.length === size && s.status.sync.nextSyncAt !== null,
    'a live fleet',
  )

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name))
}

describe('sign in', () => {
  it('checks the token with Plugchoice, stores it, remembers the account and syncs the whole fleet', async () => {
    const app = await makeApp()
    await app.start()
    const status = await app.handlers['auth:sign-in']({ token: `  ${world.sim.token}\n` })
    expect(status.state).toBe('signed-in')
    expect(status.account).toEqual({
      uuid: world.sim.user.uuid,
      name: world.sim.user.name,
      email: world.sim.user.email,
    })
    expect(status.tokenSaved).toBe(status.keychain.available)
    const snapshot = await liveFleet(app)
    expect(new Set(snapshot.chargers.map((c) => c.uuid))).toEqual(new Set(world.sim.fleet.map((c) => c.uuid)))
    expect(snapshot.status.stale).toBe(false)
    const cacheFiles = (await filesUnder(world.dir)).filter((file) => file.includes('fleet-cache'))
    expect(cacheFiles).toHaveLength(1)
  })

  it('stores nothing when Plugchoice rejects the token', async () => {
    const app = await makeApp()
    await app.start()
    await expect(app.handlers['auth:sign-in']({ token: 'not-a-valid-token' })).rejects.toMatchObject({
      code: 'token-rejected',
      message: expect.stringContaining('Plugchoice rejected this token'),
    })
    expect((await app.handlers['auth:status'](undefined)).state).toBe('signed-out')
    expect(await new TokenVault(new KeytarSecretStore({ service: world.service })).load()).toBeNull()
    expect(await filesUnder(world.dir)).not.toContainEqual(expect.stringContaining('account'))
  })

  it('stores nothing when Plugchoice cannot be reached, and says so', async () => {
    const app = await makeApp({ apiBase: 'http://127.0.0.1:9/api/v3' })
    await app.start()
    const failure = app.handlers['auth:sign-in']({ token: world.sim.token })
    await expect(failure).rejects.toMatchObject({ code: 'unreachable' })
    await expect(failure).rejects.toHaveProperty('message', expect.stringMatching(/reach Plugchoice/i))
    expect((await app.handlers['auth:status'](undefined)).state).toBe('signed-out')
    expect(await new TokenVault(new KeytarSecretStore({ service: world.service })).load()).toBeNull()
  })

  it.each([
    ['', 'token-empty'],
    ['   ', 'token-empty'],
    ['x'.repeat(4097), 'token-too-long'],
    ['abc\ndef', 'token-invalid-characters'],
    ['abc\u0007def', 'token-invalid-characters'],
    ['abc\u200bdef', 'token-invalid-characters'],
    ['“abcdef”', 'token-invalid-characters'],
  ])('refuses %j before sending anything', async (token, code) => {
    const app = await makeApp()
    await app.start()
    world.sim.requests.length = 0
    await expect(app.handlers['auth:sign-in']({ token })).rejects.toMatchObject({ code })
    expect(world.sim.requests).toHaveLength(0)
  })

  it('keeps working for the session when the keychain is unavailable, and says why', async () => {
    const locked: SecretStore = {
      get: async () => {
        throw new KeychainUnavailableError('the keyring is locked')
      },
      set: async () => {
        throw new KeychainUnavailableError('the keyring is locked')
      },
      delete: async () => {
        throw new KeychainUnavailableError('the keyring is locked')
      },
    }
    const app = await makeApp({ store: locked })
    await app.start()
    const status = await app.handlers['auth:sign-in']({ token: world.sim.token })
    expect(status).toMatchObject({
      state: 'signed-in',
      tokenSaved: false,
      keychain: { available: false, reason: 'the keyring is locked' },
    })
    expect(status.message).toMatch(/this session only/)
    await liveFleet(app)
    for (const file of await filesUnder(world.dir)) expect(await readFile(file, 'utf8')).not.toContain(world.sim.token)
  })
})

describe('start-up', () => {
  it.skipIf(!secretServiceRuns)('shows the cached fleet of the stored token at once, then syncs', async () => {
    const first = await makeApp()
    await first.start()
    await first.handlers['auth:sign-in']({ token: world.sim.token })
    await liveFleet(first)
    await first.stop()

    world.sim.setLatency(1_500)
    const second = await makeApp()
    await second.start()
    const cached = await second.handlers['fleet:snapshot'](undefined)
    expect(cached.status.source).toBe('cache')
    expect(cached.status.stale).toBe(true)
    expect(cached.chargers).toHaveLength(60)
    expect((await second.handlers['auth:status'](undefined)).state).toBe('signed-in')
    await liveFleet(second)
  })

  it('sets a corrupt cache aside, says so once, and starts empty', async () => {
    const app = await makeApp()
    await app.start()
    await app.handlers['auth:sign-in']({ token: world.sim.token })
    await liveFleet(app)
    await app.stop()
    const [cacheFile] = (await filesUnder(world.dir)).filter((file) => file.includes('fleet-cache'))
    const text = await readFile(cacheFile!, 'utf8')
    await writeFile(cacheFile!, text.slice(0, text.length / 2))

    world.sim.setLatency(1_000)
    const restarted = await makeApp({ store: secretServiceRuns ? undefined : memoryStoreWith(world.sim.token) })
    await restarted.start()
    const snapshot = await restarted.handlers['fleet:snapshot'](undefined)
    expect(snapshot.chargers).toHaveLength(0)
    expect(snapshot.status.notice).toMatch(/set aside/)
    const files = await filesUnder(world.dir)
    expect(files.some((file) => file.includes('corrupt'))).toBe(true)
  })
})

describe('a token revoked while polling', () => {
  it('stops polling, keeps the fleet visible and marked stale, and resumes after signing in again', async () => {
    const app = await makeApp()
    await app.start()
    await app.handlers['auth:sign-in']({ token: world.sim.token })
    await liveFleet(app)

    world.sim.revokeToken()
    await app.handlers['fleet:refresh'](undefined)
    const auth = await until(
      () => app.handlers['auth:status'](undefined),
      (s) => s.state === 'token-rejected',
      'token-rejected',
    )
    expect(auth.message).toMatch(/rejected/)
    const kept = await app.handlers['fleet:snapshot'](undefined)
    expect(kept.chargers).toHaveLength(60)
    expect(kept.status.stale).toBe(true)
    expect(kept.status.sync.lastError?.code).toBe('token-rejected')
    expect(kept.status.poll.running).toBe(false)
    expect(await new TokenVault(new KeytarSecretStore({ service: world.service })).load()).toBeNull()

    world.sim.setToken('fresh-token-123')
    world.sim.updateCharger(world.sim.fleet[0]!.uuid, { reference: 'Renamed after revoke' })
    expect((await app.handlers['auth:sign-in']({ token: 'fresh-token-123' })).state).toBe('signed-in')
    const resumed = await until(
      () => app.handlers['fleet:snapshot'](undefined),
      (s) => s.status.source === 'live' && s.chargers.some((c) => c.reference === 'Renamed after revoke'),
      'the resumed sync',
    )
    expect(resumed.status.stale).toBe(false)
  })
})

describe('what the tray and the window hear of a sync', () => {
  it('the window hears of each page; the tray only that the sync began and ended', async () => {
    await world.sim.stop()
    world.sim = await startSimulatedApi({ fleetSize: 1_000, seed: 5 })
    const app = await makeApp()
    await app.start()
    const heard = { tray: 0, status: 0, pages: new Set<number>() }
    app.on('tray', () => heard.tray++)
    app.on('fleet:status', (status) => {
      heard.status++
      heard.pages.add(status.sync.pagesRead)
    })
    await app.handlers['auth:sign-in']({ token: world.sim.token })
    await liveFleet(app, 1_000)
    expect(heard.pages.size).toBeGreaterThanOrEqual(10)
    expect(heard.status).toBeGreaterThanOrEqual(10)
    expect(heard.tray).toBeLessThanOrEqual(6)
  })
})

describe('accounts', () => {
  it('never shows the previous account’s cache to another account', async () => {
    const app = await makeApp()
    await app.start()
    await app.handlers['auth:sign-in']({ token: world.sim.token })
    const first = await liveFleet(app)
    const firstUuids = new Set(first.chargers.map((c) => c.uuid))

    // Account A's token is revoked (its fleet stays on screen, marked), then someone signs in as account B.
    world.sim.revokeToken()
    await app.handlers['fleet:refresh'](undefined)
    await until(
      () => app.handlers['auth:status'](undefined),
      (s) => s.state === 'token-rejected',
      'token-rejected',
    )
    const { generateFleet } = await import('@main/sim/index')
    world.sim.setFleet(generateFleet(7, 99).map((c) => ({ ...c, uuid: `b-${c.uuid}` })))
    world.sim.setUser({ uuid: 'account-b', name: 'Account B' })
    world.sim.setToken('token-of-b')
    world.sim.setLatency(600)

    const shown: string[] = []
    app.on('fleet:delta', (delta) => shown.push(...delta.upserted.map((c) => c.uuid)))
    const status = await app.handlers['auth:sign-in']({ token: 'token-of-b' })
    expect(status.account?.uuid).toBe('account-b')
    expect((await app.handlers['fleet:snapshot'](undefined)).chargers.filter((c) => firstUuids.has(c.uuid))).toEqual([])
    await liveFleet(app, 7)
    expect(shown.filter((uuid) => firstUuids.has(uuid))).toEqual([])
  })
})

describe('sign out', () => {
  it('removes the keychain entry, the cached fleet and the remembered account', async () => {
    const app = await makeApp()
    await app.start()
    await app.handlers['auth:sign-in']({ token: world.sim.token })
    await liveFleet(app)
    expect((await filesUnder(world.dir)).some((file) => file.includes('fleet-cache'))).toBe(true)

    const status = await app.handlers['auth:sign-out'](undefined)
    expect(status).toMatchObject({ state: 'signed-out', account: null })
    const files = await filesUnder(world.dir)
    expect(files.filter((file) => file.includes('fleet-cache') || file.includes('account'))).toEqual([])
    expect(await new TokenVault(new KeytarSecretStore({ service: world.service })).load()).toBeNull()
    expect((await app.handlers['fleet:snapshot'](undefined)).chargers).toHaveLength(0)
  })
})

describe('races between polling and the user', () => {
  it('a sign-out during a sync leaves no cache of that account behind', async () => {
    const app = await makeApp()
    await app.start()
    world.sim.setLatency(300)
    await app.handlers['auth:sign-in']({ token: world.sim.token })
    await until(
      () => app.fleetStatus(),
      (s) => s.sync.state === 'syncing',
      'a sync under way',
    )
    await app.handlers['auth:sign-out'](undefined)
    await new Promise((resolve) => setTimeout(resolve, 800))
    expect(
      (await filesUnder(world.dir)).filter((file) => file.includes('fleet-cache') || file.includes('account')),
    ).toEqual([])
    expect((await app.handlers['fleet:snapshot'](undefined)).chargers).toHaveLength(0)
  })

  it('the old token’s last 401 cannot undo a sign-in with a new token', async () => {
    let stored: string | null = null
    const slowKeychain: SecretStore = {
      get: async () => stored,
      set: async (token) => {
        await new Promise((resolve) => setTimeout(resolve, 300))
        stored = token
      },
      delete: async () => {
        const had = stored !== null
        stored = null
        return had
      },
    }
    const app = await makeApp({ store: slowKeychain })
    await app.start()
    await app.handlers['auth:sign-in']({ token: world.sim.token })
    await liveFleet(app)
    world.sim.setToken('the-new-token')
    world.sim.setLatency(100)
    const signingIn = app.handlers['auth:sign-in']({ token: 'the-new-token' })
    await app.handlers['fleet:refresh'](undefined)
    const status = await signingIn
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(status.state).toBe('signed-in')
    expect((await app.handlers['auth:status'](undefined)).state).toBe('signed-in')
    expect(stored).toBe('the-new-token')
  })

  it('a restored token is checked against the remembered account before its fleet is filed', async () => {
    const first = await makeApp({ store: memoryStoreWith(world.sim.token) })
    await first.start()
    await first.handlers['auth:sign-in']({ token: world.sim.token })
    await liveFleet(first)
    await first.stop()
    // The remembered account is somebody else's (an older token's): the token must not inherit it.
    await writeFile(
      join(world.dir, 'account.json'),
      JSON.stringify({ uuid: 'someone-else', name: 'Else', email: null }),
    )
    const restarted = await makeApp({ store: memoryStoreWith(world.sim.token) })
    await restarted.start()
    await liveFleet(restarted)
    expect((await restarted.handlers['auth:status'](undefined)).account?.uuid).toBe(world.sim.user.uuid)
    expect(JSON.parse(await readFile(join(world.dir, 'account.json'), 'utf8')).uuid).toBe(world.sim.user.uuid)
    const cacheFiles = (await filesUnder(world.dir)).filter((file) => file.includes('fleet-cache'))
    expect(cacheFiles.some((file) => file.includes('someone-else'))).toBe(false)
  })

  it('signing in again to the same account shows the old fleet as cached until the new sync lands', async () => {
    const app = await makeApp({ store: memoryStoreWith(null) })
    await app.start()
    await app.handlers['auth:sign-in']({ token: world.sim.token })
    await liveFleet(app)
    world.sim.revokeToken()
    await app.handlers['fleet:refresh'](undefined)
    await until(
      () => app.handlers['auth:status'](undefined),
      (s) => s.state === 'token-rejected',
      'token-rejected',
    )
    world.sim.setToken('again')
    world.sim.setLatency(500)
    await app.handlers['auth:sign-in']({ token: 'again' })
    const right = await app.handlers['fleet:snapshot'](undefined)
    expect(right.chargers).toHaveLength(60)
    expect(right.status).toMatchObject({ source: 'cache', stale: true })
  })
})

describe('the token stays secret', () => {
  it('is in no file the app wrote and no line it logged, after a full session', async () => {
    const app = await makeApp()
    await app.start()
    await app.handlers['auth:sign-in']({ token: world.sim.token })
    const snapshot = await liveFleet(app)
    await app.handlers['settings:set']({ pollIntervalSec: 30, hiddenColumns: ['firmware'] })
    await app.handlers['fleet:export-csv']({
      uuids: snapshot.chargers.map((c) => c.uuid),
      columns: ['identity', 'health'],
    })
    world.sim.revokeToken()
    await app.handlers['fleet:refresh'](undefined)
    await until(
      () => app.handlers['auth:status'](undefined),
      (s) => s.state === 'token-rejected',
      'token-rejected',
    )

    const files = await filesUnder(world.dir)
    expect(files.length).toBeGreaterThan(1)
    for (const file of files) expect(await readFile(file, 'utf8'), file).not.toContain(world.sim.token)
    expect(world.logs.join('\n')).not.toContain(world.sim.token)
    expect(world.exports[0]!.csv).not.toContain(world.sim.token)
    const status = JSON.stringify(await app.handlers['fleet:snapshot'](undefined))
    expect(status).not.toContain(world.sim.token)
  })
})

describe('commands', () => {
  it('exports the chargers of the view in its order and opens a charger on Plugchoice', async () => {
    const app = await makeApp()
    await app.start()
    await app.handlers['auth:sign-in']({ token: world.sim.token })
    const { chargers } = await liveFleet(app)
    const view = [chargers[3]!, chargers[0]!]
    const result = await app.handlers['fleet:export-csv']({ uuids: view.map((c) => c.uuid), columns: ['uuid'] })
    expect(result).toMatchObject({ status: 'saved', rows: 2 })
    expect(
      world.exports[0]!.csv.replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n'),
    ).toEqual(['UUID', view[0]!.uuid, view[1]!.uuid])

    const opened = await app.handlers['charger:open-in-plugchoice']({ uuid: view[0]!.uuid })
    expect(opened).toEqual({ url: `https://app.plugchoice.com/chargers/${view[0]!.id}`, opened: true })
    await expect(app.handlers['charger:open-in-plugchoice']({ uuid: 'nope' })).rejects.toMatchObject({
      code: 'not-found',
    })
  })

  it('remembers settings across restarts', async () => {
    const app = await makeApp()
    await app.start()
    await app.handlers['settings:set']({ pollIntervalSec: 120, offlineNotifyDelayMin: 5 })
    await app.stop()
    const again = await makeApp()
    await again.start()
    expect(await again.handlers['settings:get'](undefined)).toMatchObject({
      pollIntervalSec: 120,
      offlineNotifyDelayMin: 5,
    })
    await expect(stat(join(world.dir, 'settings.json'))).resolves.toBeTruthy()
  })
})

function memoryStoreWith(token: string | null): SecretStore {
  let value: string | null = token
  return {
    get: async () => value,
    set: async (next) => void (value = next),
    delete: async () => {
      const had = value !== null
      value = null
      return had
    },
  }
}
