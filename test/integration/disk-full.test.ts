// A full disk and a read-only user-data folder while saving, for real: the user-data folder is a tiny tmpfs
// (ENOSPC when the fleet grows), then remounted read-only (EROFS). The app says so in words, keeps the old
// offline copy intact and goes on showing and syncing the fleet it has in memory. Needs mount(8) rights (root,
// as on CI); elsewhere it skips and says why.
import { execFileSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FleetApp } from '@main/core/fleet-app'
import { SnapshotStore } from '@main/storage/snapshot-store'
import { generateFleet } from '@main/sim/fleet-generator'
import { startSimulatedApi, type SimulatedApi } from '@main/sim/index'
import { openTestApp, syncedAfter } from './test-app'

const run = (...args: string[]) => execFileSync(args[0]!, args.slice(1), { stdio: 'pipe' })
const mountPoint = await mkdtemp(join(tmpdir(), 'plugfleet-disk-'))
// The history's database stays open for writing, which would keep the tmpfs from being remounted read-only; it
// lives beside the mount here, so these checks are about the offline copy and settings.
const historyDir = await mkdtemp(join(tmpdir(), 'plugfleet-disk-history-'))
const canMount = (() => {
  try {
    run('mount', '-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mountPoint)
    return true
  } catch (error) {
    console.warn(`disk-full: skipped, cannot mount a tmpfs here (${(error as Error).message.split('\n')[0]})`)
    return false
  }
})()

let sim: SimulatedApi
let app: FleetApp

beforeAll(async () => {
  sim = await startSimulatedApi({ fleetSize: 40, seed: 9 })
  app = await openTestApp(sim, { userDataDir: mountPoint, historyDir })
})
afterAll(async () => {
  await app.stop()
  await sim.stop()
  if (canMount) run('umount', mountPoint)
  await rm(mountPoint, { recursive: true, force: true })
  await rm(historyDir, { recursive: true, force: true })
})

describe.skipIf(!canMount)('saving on a full or read-only disk', () => {
  it('says the disk is full, keeps the old offline copy, and shows the new fleet from memory', async () => {
    await app.start()
    await app.handlers['auth:sign-in']({ token: sim.token })
    const first = await syncedAfter(app, null)
    expect(first.status.notice).toBeNull()
    const account = first.status.accountUuid!
    // Big enough not to fit in 256 KB.
    sim.setFleet(generateFleet(1500, 9))
    app.refreshNow('user')
    const second = await syncedAfter(app, first.status.sync.lastSuccessAt)
    expect(second.chargers).toHaveLength(1500)
    expect(second.status.notice).toMatch(/offline copy could not be updated.*the disk is full.*previous copy is kept/i)
    const onDisk = await new SnapshotStore(mountPoint).load(account)
    expect(onDisk.kind).toBe('loaded')
    if (onDisk.kind === 'loaded') expect(onDisk.snapshot.chargers).toHaveLength(40)
  }, 45_000)

  it('says the folder is read-only, for the cache and for settings, and keeps running', async () => {
    run('mount', '-o', 'remount,ro', mountPoint)
    try {
      const before = await app.handlers['fleet:snapshot'](undefined)
      sim.setFleet(generateFleet(30, 2))
      app.refreshNow('user')
      const after = await syncedAfter(app, before.status.sync.lastSuccessAt)
      expect(after.status.notice).toMatch(/the disk is read-only/)
      // 1,500 in memory, 30 synced: the missing ones wait for a second sync (removal-grace.ts).
      expect(after.chargers.length).toBeGreaterThanOrEqual(30)
      await expect(app.updateSettings({ pollIntervalSec: 120 })).rejects.toThrow(
        'Your settings could not be saved (the disk is read-only).',
      )
      expect((await app.handlers['settings:get'](undefined)).pollIntervalSec).toBe(60)
      const onDisk = await new SnapshotStore(mountPoint).load(after.status.accountUuid!)
      expect(onDisk.kind).toBe('loaded')
    } finally {
      run('mount', '-o', 'remount,rw', mountPoint)
    }
  }, 45_000)
})
