import { mkdtemp, readdir, readFile, rm, stat, writeFile, copyFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppError } from '@main/core/app-error'
import { generateFleet, HTML_REFERENCE } from '@main/sim/fleet-generator'
import { loadSnapshotFile, SnapshotStore, type FleetCacheSnapshot } from '@main/storage/snapshot-store'
import { errno, failingRenameFs, fullDiskFs } from './storage-fakes'
import { realFs, type AtomicFs } from '@main/storage/atomic-file'

const ALICE = '7f0c2a52-8d1e-4c55-9a43-1b2c3d4e5f60'
const BOB = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d'

let dir: string
let store: SnapshotStore
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plugfleet-snapshots-'))
  store = new SnapshotStore(dir)
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

function snapshot(accountUuid: string, size = 60, seed = 1): FleetCacheSnapshot {
  return { schemaVersion: 1, accountUuid, fetchedAt: '2026-03-01T09:30:00.000Z', chargers: generateFleet(size, seed) }
}

const cacheFiles = async () => (await readdir(join(dir, 'fleet-cache'))).sort()

describe('SnapshotStore', () => {
  it('gives back exactly the fleet it saved, unknown fields and odd references included', async () => {
    const saved = snapshot(ALICE, 300)
    await store.save(saved)
    const loaded = await store.load(ALICE)
    expect(loaded).toEqual({ kind: 'loaded', snapshot: saved })
    if (loaded.kind !== 'loaded') return
    expect(loaded.snapshot.chargers.some((c) => c.reference === HTML_REFERENCE)).toBe(true)
    expect(loaded.snapshot.chargers.filter((c) => 'site_hint' in c).length).toBeGreaterThan(0)
    expect(await cacheFiles()).toEqual([`${ALICE}.json`])
  })

  it('reports a missing cache as missing', async () => {
    expect(await store.load(ALICE)).toEqual({ kind: 'missing' })
  })

  it('replaces the previous snapshot of the account', async () => {
    await store.save(snapshot(ALICE, 10, 1))
    const newer = { ...snapshot(ALICE, 12, 2), fetchedAt: '2026-03-01T10:00:00.000Z' }
    await store.save(newer)
    expect(await store.load(ALICE)).toEqual({ kind: 'loaded', snapshot: newer })
  })

  it('sets a truncated file aside (renamed, not deleted), reports it once and then starts empty', async () => {
    await store.save(snapshot(ALICE))
    const path = store.pathFor(ALICE)
    const text = await readFile(path, 'utf8')
    const truncated = text.slice(0, Math.floor(text.length / 2))
    await writeFile(path, truncated)

    const first = await store.load(ALICE)
    expect(first).toMatchObject({ kind: 'set-aside', reason: expect.stringContaining('not valid JSON') })
    if (first.kind !== 'set-aside') return
    expect(first.movedTo).toMatch(new RegExp(`${ALICE}\\.json\\.corrupt-[0-9T-]+Z$`))
    expect(await readFile(first.movedTo, 'utf8')).toBe(truncated)
    expect(await store.load(ALICE)).toEqual({ kind: 'missing' })
  })

  it('sets aside a file written in an unknown format', async () => {
    await mkdir(store.folder, { recursive: true })
    await writeFile(store.pathFor(ALICE), JSON.stringify({ ...snapshot(ALICE), schemaVersion: 2 }))
    const loaded = await store.load(ALICE)
    expect(loaded).toMatchObject({ kind: 'set-aside', reason: expect.stringContaining('schema version 2') })
    expect((await cacheFiles()).some((name) => name.includes('.corrupt-'))).toBe(true)
  })

  it('sets aside an empty file and one with a damaged charger record', async () => {
    await mkdir(store.folder, { recursive: true })
    await writeFile(store.pathFor(ALICE), '')
    expect(await store.load(ALICE)).toMatchObject({ kind: 'set-aside', reason: 'it is empty' })

    const damaged = snapshot(ALICE, 5) as { chargers: Record<string, unknown>[] }
    delete damaged.chargers[3]!.uuid
    await writeFile(store.pathFor(ALICE), JSON.stringify(damaged))
    expect(await store.load(ALICE)).toMatchObject({
      kind: 'set-aside',
      reason: expect.stringContaining('chargers.3.uuid'),
    })
    expect((await cacheFiles()).filter((name) => name.includes('.corrupt-'))).toHaveLength(2)
  })

  it('never returns the snapshot of another account', async () => {
    await store.save(snapshot(ALICE))
    expect(await store.load(BOB)).toEqual({ kind: 'missing' })
    // Even a file of Alice's fleet sitting under Bob's name is not shown to Bob.
    await copyFile(store.pathFor(ALICE), store.pathFor(BOB))
    const loaded = await store.load(BOB)
    expect(loaded).toMatchObject({ kind: 'set-aside', reason: 'it belongs to another account' })
    expect((await store.load(ALICE)).kind).toBe('loaded')
  })

  it('keeps every set-aside file, even two set aside at the same moment', async () => {
    const now = () => new Date('2026-03-01T12:00:00.000Z')
    const sameClock = new SnapshotStore(dir, { now })
    await mkdir(sameClock.folder, { recursive: true })
    for (const garbage of ['{', '[']) {
      await writeFile(sameClock.pathFor(ALICE), garbage)
      expect((await sameClock.load(ALICE)).kind).toBe('set-aside')
    }
    const asides = (await cacheFiles()).filter((name) => name.includes('.corrupt-'))
    expect(asides).toHaveLength(2)
    const contents = await Promise.all(asides.map((name) => readFile(join(sameClock.folder, name), 'utf8')))
    expect(contents.sort()).toEqual(['[', '{'])
  })

  it.skipIf(process.platform === 'win32')('keeps set-aside copies private (0600), only the newest three', async () => {
    let minute = 0
    const ticking = new SnapshotStore(dir, { now: () => new Date(Date.UTC(2026, 2, 1, 12, minute++)) })
    await mkdir(ticking.folder, { recursive: true })
    for (const garbage of ['{1', '{2', '{3', '{4', '{5']) {
      await writeFile(ticking.pathFor(ALICE), garbage, { mode: 0o644 })
      expect((await ticking.load(ALICE)).kind).toBe('set-aside')
    }
    const asides = (await cacheFiles()).filter((name) => name.includes('.corrupt-'))
    const contents = await Promise.all(asides.map((name) => readFile(join(ticking.folder, name), 'utf8')))
    expect(contents.sort()).toEqual(['{3', '{4', '{5'])
    for (const name of asides) expect((await stat(join(ticking.folder, name))).mode & 0o777).toBe(0o600)
  })

  it("takes the account's set-aside copies with its snapshot at sign-out, never another's", async () => {
    await mkdir(store.folder, { recursive: true })
    for (const account of [ALICE, BOB]) {
      await writeFile(store.pathFor(account), '{')
      expect((await store.load(account)).kind).toBe('set-aside')
    }
    await store.save(snapshot(ALICE))
    await store.remove(ALICE)
    const left = await cacheFiles()
    expect(left).toHaveLength(1)
    expect(left[0]!.startsWith(`${BOB}.json.corrupt-`)).toBe(true)
  })

  it('leaves a good snapshot in place when it cannot be read for a passing reason', async () => {
    const good = snapshot(ALICE, 20, 1)
    await store.save(good)
    const busy: AtomicFs = {
      ...realFs,
      readFile: async () => {
        throw errno('EMFILE', 'open')
      },
    }
    expect(await new SnapshotStore(dir, { fs: busy }).load(ALICE)).toEqual({
      kind: 'unreadable',
      reason: 'it could not be read (EMFILE)',
    })
    expect(await cacheFiles()).toEqual([`${ALICE}.json`])
    expect(await store.load(ALICE)).toEqual({ kind: 'loaded', snapshot: good })
  })

  it('keeps the previous snapshot and says why when the disk is full', async () => {
    const before = snapshot(ALICE, 20, 1)
    await store.save(before)
    const full = new SnapshotStore(dir, { fs: fullDiskFs() })
    const failure = await full.save(snapshot(ALICE, 40, 2)).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(AppError)
    expect(failure).toMatchObject({
      code: 'cache-write-failed',
      message: 'The offline copy of your fleet could not be saved (the disk is full). The previous copy is kept.',
    })
    expect(await store.load(ALICE)).toEqual({ kind: 'loaded', snapshot: before })
    expect(await cacheFiles()).toEqual([`${ALICE}.json`])
  })

  it('keeps the previous snapshot when the write is interrupted before the rename', async () => {
    const before = snapshot(ALICE, 20, 1)
    await store.save(before)
    await expect(new SnapshotStore(dir, { fs: failingRenameFs() }).save(snapshot(ALICE, 40, 2))).rejects.toMatchObject({
      code: 'cache-write-failed',
    })
    expect(await store.load(ALICE)).toEqual({ kind: 'loaded', snapshot: before })
    expect(await cacheFiles()).toEqual([`${ALICE}.json`])
  })

  it('refuses to save a snapshot without an account or a valid time', async () => {
    await expect(store.save({ ...snapshot(ALICE), accountUuid: '' })).rejects.toMatchObject({
      code: 'cache-write-failed',
    })
    await expect(store.save({ ...snapshot(ALICE), fetchedAt: 'yesterday' })).rejects.toMatchObject({
      code: 'cache-write-failed',
    })
  })

  it('removes the snapshot of one account only, and a missing one without complaint', async () => {
    await store.save(snapshot(ALICE))
    await store.save(snapshot(BOB))
    await store.remove(ALICE)
    expect(await store.load(ALICE)).toEqual({ kind: 'missing' })
    expect((await store.load(BOB)).kind).toBe('loaded')
    await expect(store.remove(ALICE)).resolves.toBeUndefined()
  })

  it('keeps files inside its folder whatever the account uuid holds', async () => {
    const hostile = '../../escape'
    await store.save(snapshot(hostile, 3))
    expect(store.pathFor(hostile).startsWith(store.folder)).toBe(true)
    expect(await readdir(dir)).toEqual(['fleet-cache'])
    expect((await store.load(hostile)).kind).toBe('loaded')
  })

  it('loads a 10,000-charger snapshot through the function the benchmark uses', async () => {
    const big = snapshot(ALICE, 10_000, 3)
    await store.save(big)
    const loaded = await loadSnapshotFile(store.pathFor(ALICE), ALICE)
    expect(loaded.kind).toBe('loaded')
    if (loaded.kind === 'loaded') expect(loaded.snapshot.chargers).toHaveLength(10_000)
  })
})
