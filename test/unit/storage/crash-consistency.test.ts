// Crash consistency: a child process saving the snapshot and the settings in a loop is killed with SIGKILL at
// a random moment, 50 times over the same folder. After every kill the app's stores load a whole version
// (the one before the kill or the one it was writing), never an empty, torn or set-aside file.
import { spawn } from 'node:child_process'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SeededRandom } from '@main/sim/seeded-random'
import { SettingsStore } from '@main/storage/settings-store'
import { SnapshotStore } from '@main/storage/snapshot-store'

const KILLS = 50
const ACCOUNT = '5d9a1f3e-2b4c-4d6e-8f70-123456789abc'
const fixture = fileURLToPath(new URL('./fixtures/write-forever.ts', import.meta.url))
let dir: string
let writer: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plugfleet-crash-'))
  // Bundled once (the stores have no native parts): each of the 50 starts then costs a plain `node`, not tsx
  // compiling the sources again.
  writer = join(await mkdtemp(join(tmpdir(), 'plugfleet-crash-writer-')), 'write-forever.mjs')
  await build({
    entryPoints: [fixture],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: writer,
    logLevel: 'warning',
  })
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
  await rm(join(writer, '..'), { recursive: true, force: true })
})

/** Starts the writer, waits for its first complete save, lets it run `ms` more, then SIGKILLs it. */
function runAndKill(ms: number): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, dir, ACCOUNT], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), ms))
    child.once('error', reject)
    child.once('exit', (_code, signal) => resolve(signal))
  })
}

describe('crash consistency', () => {
  it(`after ${KILLS} SIGKILLs at random moments, every start finds a whole snapshot and settings`, async () => {
    const random = new SeededRandom(20261203)
    let lastFetchedAt = ''
    const versionsSeen = new Set<string>()
    for (let kill = 0; kill < KILLS; kill++) {
      expect(await runAndKill(random.int(0, 120))).toBe('SIGKILL')
      const snapshot = await new SnapshotStore(dir).load(ACCOUNT)
      expect(snapshot.kind, `kill ${kill}`).toBe('loaded')
      if (snapshot.kind !== 'loaded') return
      const version = (Date.parse(snapshot.snapshot.fetchedAt) - Date.parse('2026-01-01T00:00:00.000Z')) / 1000
      expect(snapshot.snapshot.chargers).toHaveLength(1000 + (version % 1000))
      versionsSeen.add(snapshot.snapshot.fetchedAt)
      lastFetchedAt = snapshot.snapshot.fetchedAt
      const settings = new SettingsStore(dir)
      const loaded = await settings.load()
      expect(settings.lastSetAside, `kill ${kill}`).toBeNull()
      expect(loaded.pollIntervalSec).toBeGreaterThanOrEqual(15)
      const names = await readdir(join(dir, 'fleet-cache'))
      expect(names.filter((name) => name.includes('.corrupt-'))).toEqual([])
    }
    expect(lastFetchedAt).not.toBe('')
    // The kills landed at different moments, not always before the first rewrite.
    expect(versionsSeen.size).toBeGreaterThan(5)
  }, 240_000)
})
