// Start-up when the keychain does not answer (an unlock prompt nobody answers): the real FleetApp, the
// simulated API over real HTTP and real files. The cached fleet is there before the keychain answers, the
// window hears "waiting", and at the deadline the app says the keychain is unavailable instead of hanging.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FleetApp } from '@main/core/fleet-app'
import { FleetSyncer } from '@main/sync/fleet-sync'
import type { SecretStore } from '@main/secrets/secret-store'
import { TokenVault } from '@main/secrets/token-vault'
import { startSimulatedApi, type SimulatedApi } from '@main/sim/index'
import type { AuthStatus } from '@shared/app-schemas'

let sim: SimulatedApi
let dir: string
const apps: FleetApp[] = []

beforeEach(async () => {
  sim = await startSimulatedApi({ fleetSize: 40, seed: 11 })
  dir = await mkdtemp(join(tmpdir(), 'plugfleet-keychain-wait-'))
})
afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop()
  await sim.stop()
  await rm(dir, { recursive: true, force: true })
})

function memoryStore(): SecretStore {
  let secret: string | null = null
  return {
    get: async () => secret,
    set: async (value) => void (secret = value),
    delete: async () => secret !== (secret = null),
  }
}

/** Never answers: the unlock prompt is open and nobody types. */
const silentStore: SecretStore = {
  get: () => new Promise(() => undefined),
  set: () => new Promise(() => undefined),
  delete: () => new Promise(() => undefined),
}

async function makeApp(store: SecretStore, vaultOptions = {}): Promise<FleetApp> {
  const app = await FleetApp.open({
    userDataDir: dir,
    apiBase: new URL(sim.baseUrl),
    vault: new TokenVault(store, vaultOptions),
    ports: { saveExport: async () => ({ status: 'cancelled' }), openExternal: async () => false },
    createSyncer: (client, budget) => new FleetSyncer({ client, budget, sleep: async () => {} }),
    log: () => {},
  })
  apps.push(app)
  return app
}

describe('start-up while the keychain does not answer', () => {
  it('shows the cached fleet at once, says it is waiting, then that the keychain is unavailable', async () => {
    const first = await makeApp(memoryStore())
    await first.start()
    await first.handlers['auth:sign-in']({ token: sim.token })
    for (let i = 0; (await first.handlers['fleet:snapshot'](undefined)).status.source !== 'live'; i++) {
      if (i > 500) throw new Error('no live fleet')
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    await first.stop()
    apps.splice(0)

    const second = await makeApp(silentStore, { timeoutMs: 2_000, waitingAfterMs: 100 })
    const auths: AuthStatus[] = []
    second.on('auth:changed', (status) => auths.push(status))
    const restored = second.start()
    // The cached fleet is on screen while the keychain has not answered.
    await new Promise((resolve) => setTimeout(resolve, 50))
    const cached = await second.handlers['fleet:snapshot'](undefined)
    expect(cached.status.source).toBe('cache')
    expect(cached.chargers).toHaveLength(40)

    // auth:status does not wait for the keychain's deadline: it answers once the vault says it is waiting.
    expect((await second.handlers['auth:status'](undefined)).keychain.waiting).toBe(true)
    expect((await second.handlers['fleet:snapshot'](undefined)).chargers).toHaveLength(40)
    await restored
    const after = await second.handlers['auth:status'](undefined)
    expect(after).toMatchObject({
      state: 'signed-out',
      keychain: { available: false, reason: 'the system keychain did not answer within 2 s' },
    })
    expect(after.keychain.waiting).toBeUndefined()
    expect(auths.some((status) => status.keychain.waiting)).toBe(true)
    // A sign-in now works for this session (the save, too, gives up at its deadline).
    const signedIn = await second.handlers['auth:sign-in']({ token: sim.token })
    expect(signedIn).toMatchObject({ state: 'signed-in', tokenSaved: false })
  }, 20_000)
})
