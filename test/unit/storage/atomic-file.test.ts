import { spawn, spawnSync } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FileWriteError, realFs, removeStaleTemps, writeFileAtomic } from '@main/storage/atomic-file'
import { writeJsonFile } from '@main/storage/json-file'
import { failingRenameFs, fullDiskFs } from './storage-fakes'

let dir: string
let target: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plugfleet-atomic-'))
  target = join(dir, 'data.json')
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('writeFileAtomic', () => {
  it('writes new content and replaces old content, leaving no temp file', async () => {
    await writeFileAtomic(target, 'first')
    expect(await readFile(target, 'utf8')).toBe('first')
    await writeFileAtomic(target, new TextEncoder().encode('second'))
    expect(await readFile(target, 'utf8')).toBe('second')
    expect(await readdir(dir)).toEqual(['data.json'])
  })

  it.skipIf(process.platform === 'win32')('keeps the file private to the user', async () => {
    await writeFileAtomic(target, 'private')
    expect((await stat(target)).mode & 0o777).toBe(0o600)
  })

  it('keeps the old file and removes the temp file when the rename fails', async () => {
    await writeFile(target, 'old content')
    const failure = await writeFileAtomic(target, 'new content', failingRenameFs()).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(FileWriteError)
    expect((failure as Error).message).toBe(`The disk reported an input/output error: could not write ${target}`)
    expect(await readFile(target, 'utf8')).toBe('old content')
    expect(await readdir(dir)).toEqual(['data.json'])
  })

  it('keeps the old file and says the disk is full when it fills up mid-write', async () => {
    await writeFile(target, 'old content')
    const failure = await writeFileAtomic(target, 'x'.repeat(100_000), fullDiskFs()).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(FileWriteError)
    expect((failure as FileWriteError).message).toBe(`The disk is full: could not write ${target}`)
    expect((failure as FileWriteError).reason).toBe('The disk is full')
    expect((failure as FileWriteError).code).toBe('ENOSPC')
    expect(await readFile(target, 'utf8')).toBe('old content')
    expect(await readdir(dir)).toEqual(['data.json'])
  })

  it('still succeeds when the folder cannot be synced (as on Windows)', async () => {
    const fs = {
      ...realFs,
      open: (async (...args: Parameters<typeof realFs.open>) => {
        if (args[0] === dir) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' })
        return realFs.open(...args)
      }) as typeof realFs.open,
    }
    await writeFileAtomic(target, 'content', fs)
    expect(await readFile(target, 'utf8')).toBe('content')
  })

  it('survives a process killed between writing the temp file and renaming it', async () => {
    await writeFile(target, 'old content')
    const fixture = fileURLToPath(new URL('./fixtures/crash-mid-write.ts', import.meta.url))
    const child = spawnSync(process.execPath, ['--import', 'tsx', fixture, target, 'new content'], { encoding: 'utf8' })
    expect(child.signal).toBe('SIGKILL')
    expect(await readFile(target, 'utf8')).toBe('old content')
    // The dead process's temp file is still there; the next read of the file clears it.
    const leftovers = (await readdir(dir)).filter((name) => name.endsWith('.tmp'))
    expect(leftovers).toHaveLength(1)
    expect(await readFile(join(dir, leftovers[0]!), 'utf8')).toBe('new content')
    await removeStaleTemps(target)
    expect(await readdir(dir)).toEqual(['data.json'])
  })

  it('never clears a temp file of a write this process, or another running one, still has in flight', async () => {
    // A web preview and a desktop app sharing one user-data folder: the other one is alive.
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'])
    const dead = spawnSync(process.execPath, ['-e', '0']).pid
    try {
      const ours = `.data.json.${process.pid}-abc.tmp`
      const running = `.data.json.${other.pid}-abc.tmp`
      const leftover = `.data.json.${dead}-abc.tmp`
      const unrelated = '.other.json.1-abc.tmp'
      await Promise.all([ours, running, leftover, unrelated].map((name) => writeFile(join(dir, name), '')))
      await removeStaleTemps(target)
      expect((await readdir(dir)).sort()).toEqual([ours, running, unrelated].sort())
    } finally {
      other.kill('SIGKILL')
    }
  })

  it.skipIf(process.platform === 'win32')('creates the folders it needs private to the user (0700)', async () => {
    const nested = join(dir, 'new', 'fleet-cache', 'a.json')
    await writeJsonFile(nested, { ok: true })
    expect((await stat(join(dir, 'new'))).mode & 0o777).toBe(0o700)
    expect((await stat(join(dir, 'new', 'fleet-cache'))).mode & 0o777).toBe(0o700)
    expect((await stat(nested)).mode & 0o777).toBe(0o600)
  })
})
