// Start-up speed of the offline copy: loading and validating a 10,000-charger snapshot, against the
// baseline of merely reading and JSON-parsing the same file in the same run.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { withFacts } from '@shared/charger-facts'
import { generateFleet } from '@main/sim/index'
import { SnapshotStore } from '@main/storage/snapshot-store'
import { median } from './stats'

export interface SnapshotBench {
  chargers: number
  fileBytes: number
  loadMs: number
  parseOnlyMs: number
  ratio: number
  saveMs: number
}

export async function benchSnapshot(chargers = 10_000, rounds = 7): Promise<SnapshotBench> {
  const dir = await mkdtemp(join(tmpdir(), 'plugfleet-bench-'))
  try {
    const store = new SnapshotStore(dir)
    // As the app writes it: every charger with its derived facts.
    const fleet = withFacts(generateFleet(chargers, 42))
    const accountUuid = 'bench-account'
    const saveTimes: number[] = []
    for (let i = 0; i < 3; i++) {
      const started = performance.now()
      await store.save({ schemaVersion: 1, accountUuid, fetchedAt: new Date().toISOString(), chargers: fleet })
      saveTimes.push(performance.now() - started)
    }
    const [name] = await readdir(join(dir, 'fleet-cache'))
    const path = join(dir, 'fleet-cache', name!)
    const loadTimes: number[] = []
    const parseTimes: number[] = []
    let bytes = 0
    for (let i = 0; i < rounds; i++) {
      let started = performance.now()
      const text = await readFile(path, 'utf8')
      JSON.parse(text)
      parseTimes.push(performance.now() - started)
      bytes = Buffer.byteLength(text)

      started = performance.now()
      const loaded = await store.load(accountUuid)
      loadTimes.push(performance.now() - started)
      if (loaded.kind !== 'loaded' || loaded.snapshot.chargers.length !== chargers)
        throw new Error('snapshot did not load')
    }
    const loadMs = median(loadTimes)
    const parseOnlyMs = median(parseTimes)
    return {
      chargers,
      fileBytes: bytes,
      loadMs: round(loadMs),
      parseOnlyMs: round(parseOnlyMs),
      ratio: round(loadMs / parseOnlyMs),
      saveMs: round(median(saveTimes)),
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

const round = (value: number) => Math.round(value * 10) / 10
