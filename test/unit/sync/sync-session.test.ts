// The sync session against the simulated Plugchoice API over real HTTP: one sync at a time however often a
// refresh is asked for, progress reported as pages arrive, and a disposed session never files anything.
import { afterEach, describe, expect, it } from 'vitest'
import type { Account } from '@shared/app-schemas'
import { PlugchoiceClient } from '@main/api/plugchoice-client'
import { FleetSyncer } from '@main/sync/fleet-sync'
import { RateBudget } from '@main/sync/rate-budget'
import { SyncSession, type SyncChange, type SyncedFleet } from '@main/sync/sync-session'
import { startSimulatedApi, type SimulatedApi, type SimulatedApiOptions } from '@main/sim'
import { FakeClock, settle } from './fake-time'

const started: SimulatedApi[] = []
afterEach(async () => {
  await Promise.all(started.splice(0).map((api) => api.stop()))
})

const account: Account = { uuid: 'account-1', name: 'Installer', email: null }

async function session(options: SimulatedApiOptions & { tokenRejected?: boolean } = {}) {
  const api = await startSimulatedApi({ seed: 5, ...options })
  started.push(api)
  const clock = new FakeClock()
  const client = new PlugchoiceClient({ base: new URL(api.baseUrl), token: api.token, timeoutMs: 5_000 })
  const syncer = new FleetSyncer({ client, budget: new RateBudget({ now: clock.now }), sleep: clock.sleep })
  const filed: SyncedFleet[] = []
  const changes: SyncChange[] = []
  let rejections = 0
  const syncs = new SyncSession({
    syncer,
    identify: async () => ({ account, requests: 0 }),
    onSynced: async (fleet) => {
      filed.push(fleet)
    },
    onTokenRejected: async () => {
      rejections += 1
      return options.tokenRejected ?? true
    },
    onChange: (change) => changes.push(change),
    clock,
    intervalMs: 60_000,
  })
  return { api, clock, syncs, filed, changes, rejections: () => rejections }
}

const firstPages = (api: SimulatedApi) =>
  api.requests.filter(
    (r) => r.path.includes('/chargers') && new URL(r.path, 'http://x').searchParams.get('page') === '1',
  )

async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

describe('SyncSession', () => {
  it('files the whole fleet once per sync, and a refresh during a sync joins it', async () => {
    const { api, syncs, filed, changes } = await session({ fleetSize: 300, latencyMs: 30 })
    syncs.start()
    await settle()
    expect(syncs.status().state).toBe('syncing')
    const joined = syncs.refresh()
    await joined
    await until(() => filed.length === 1)
    expect(filed[0]!.chargers).toHaveLength(300)
    expect(firstPages(api)).toHaveLength(1)
    expect(syncs.status()).toMatchObject({ state: 'idle', lastError: null, pagesRead: 3, chargersRead: 300 })
    expect(syncs.status().nextSyncAt).not.toBeNull()
    // Every page told the window; the glance (tray) only heard that a sync began and ended.
    expect(changes.filter((c) => c === 'progress')).toHaveLength(3)
    expect(changes.filter((c) => c === 'phase').length).toBeLessThanOrEqual(5)
    await syncs.dispose()
  })

  it('disposed mid-sync: the walk is cancelled, nothing is filed, and no change is reported afterwards', async () => {
    const { api, syncs, filed, changes } = await session({ fleetSize: 500, latencyMs: 40 })
    syncs.start()
    await until(() => syncs.status().pagesRead >= 1)
    const reported = changes.length
    await syncs.dispose()
    // Requests already on the wire may still be logged by the server; none may start later.
    await new Promise((resolve) => setTimeout(resolve, 100))
    const requestsAtDispose = api.requests.length
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(filed).toHaveLength(0)
    expect(changes).toHaveLength(reported)
    expect(api.requests.length).toBe(requestsAtDispose)
    expect(syncs.disposed).toBe(true)
    expect(syncs.poll().running).toBe(false)
  })

  it('a rejected token stops the session for good and keeps the error to show', async () => {
    const { api, syncs, filed, changes, rejections } = await session({ fleetSize: 30 })
    api.revokeToken()
    syncs.start()
    await until(() => changes.includes('stopped'))
    expect(rejections()).toBe(1)
    expect(filed).toHaveLength(0)
    expect(syncs.status()).toMatchObject({ state: 'error', lastError: { code: 'token-rejected' } })
    expect(syncs.poll().running).toBe(false)
    const requests = api.requests.length
    await syncs.refresh()
    expect(api.requests.length).toBe(requests)
  })

  it('a failed sync keeps the session polling, with a retry scheduled', async () => {
    const { api, syncs, changes } = await session({ fleetSize: 30 })
    api.failNext(500, 100)
    syncs.start()
    await until(() => syncs.status().state === 'error')
    expect(changes).not.toContain('stopped')
    expect(syncs.status().nextSyncAt).not.toBeNull()
    await syncs.dispose()
  })
})
