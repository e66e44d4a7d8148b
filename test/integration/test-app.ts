// The real FleetApp as the integration tests build it: against a simulated API over HTTP, with the token in a
// memory keychain and a syncer that does not wait between retries.
import { FleetApp, type FleetAppDeps } from '@main/core/fleet-app'
import { TokenVault } from '@main/secrets/token-vault'
import type { SimulatedApi } from '@main/sim/index'
import { FleetSyncer } from '@main/sync/fleet-sync'
import type { FleetSnapshot } from '@shared/app-schemas'

export function openTestApp(
  sim: SimulatedApi,
  deps: Partial<FleetAppDeps> & { userDataDir: string },
): Promise<FleetApp> {
  let secret: string | null = null
  return FleetApp.open({
    apiBase: new URL(sim.baseUrl),
    vault: new TokenVault({
      get: async () => secret,
      set: async (value) => void (secret = value),
      delete: async () => secret !== (secret = null),
    }),
    ports: { saveExport: async () => ({ status: 'cancelled' }), openExternal: async () => false },
    createSyncer: (client, budget) => new FleetSyncer({ client, budget, sleep: async () => {} }),
    log: () => {},
    ...deps,
  })
}

/**
 * The snapshot once a sync that started after `after` (a lastSuccessAt) has finished. nextSyncAt is set once the
 * scheduler has settled the run: a refresh asked before that would join it.
 */
export async function syncedAfter(app: FleetApp, after: string | null): Promise<FleetSnapshot> {
  for (let i = 0; i < 1500; i++) {
    const snapshot = await app.handlers['fleet:snapshot'](undefined)
    const { sync } = snapshot.status
    const done = sync.state === 'idle' && sync.nextSyncAt !== null
    if (done && sync.lastSuccessAt !== null && sync.lastSuccessAt !== after) return snapshot
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error(`no sync finished: ${JSON.stringify((await app.handlers['fleet:snapshot'](undefined)).status)}`)
}
