// Writes a file so that a crash or a full disk at any moment leaves either the old file or the new one,
// never a torn mix: write a temp file in the same folder, fsync it, rename it over the target (atomic on
// POSIX and on NTFS), then fsync the folder so the rename itself survives a power cut.
// npm's write-file-atomic does the first three steps but does not fsync the folder, cannot take a fake file
// system for tests of ENOSPC or a crash before the rename, and passes raw errno text on; this is 100 lines.
import { randomBytes } from 'node:crypto'
import * as fsPromises from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** The part of node:fs/promises the storage uses: tests pass a wrapped one to simulate a full disk or a crash. */
export interface AtomicFs {
  open: typeof fsPromises.open
  rename: typeof fsPromises.rename
  unlink: typeof fsPromises.unlink
  readdir: (path: string) => Promise<string[]>
  readFile: (path: string, encoding: 'utf8') => Promise<string>
  mkdir: (path: string, options: { recursive: true; mode: number }) => Promise<unknown>
  chmod: (path: string, mode: number) => Promise<void>
}

export const realFs: AtomicFs = {
  open: fsPromises.open,
  rename: fsPromises.rename,
  unlink: fsPromises.unlink,
  readdir: (path) => fsPromises.readdir(path),
  readFile: (path, encoding) => fsPromises.readFile(path, encoding),
  mkdir: (path, options) => fsPromises.mkdir(path, options),
  chmod: (path, mode) => fsPromises.chmod(path, mode),
}

/** Folders the app creates are the user's alone (the cache names every charger of the fleet). */
export const PRIVATE_DIR_MODE = 0o700
export const PRIVATE_FILE_MODE = 0o600

const REASONS: Record<string, string> = {
  ENOSPC: 'The disk is full',
  EDQUOT: 'The disk quota is used up',
  EACCES: 'Permission denied',
  EPERM: 'The operation is not permitted',
  EROFS: 'The disk is read-only',
  ENOENT: 'The folder does not exist',
  ENOTDIR: 'A part of the path is not a folder',
  EISDIR: 'A folder is in the way',
  EIO: 'The disk reported an input/output error',
  EMFILE: 'Too many files are open',
  ENFILE: 'Too many files are open',
  EBUSY: 'The file is in use by another program',
}

/** A failed write with a sentence a person understands; `reason` has no path, for messages shown in the UI. */
export class FileWriteError extends Error {
  readonly code: string | undefined
  readonly reason: string

  constructor(path: string, cause: unknown) {
    const code = errnoCode(cause)
    const reason = (code && REASONS[code]) || `The system refused the write (${code ?? describe(cause)})`
    super(`${reason}: could not write ${path}`, { cause })
    this.name = 'FileWriteError'
    this.code = code
    this.reason = reason
  }
}

export function errnoCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : undefined
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function tempPrefix(path: string): string {
  return `.${basename(path)}.`
}

/** Temp files carry the writer's pid, so a cleanup never touches a write of this process still in flight. */
function tempPath(path: string): string {
  return join(dirname(path), `${tempPrefix(path)}${process.pid}-${randomBytes(6).toString('hex')}.tmp`)
}

// Windows: a virus scanner or the search indexer briefly holding the file makes rename fail with
// EPERM/EACCES/EBUSY; retrying shortly is the usual workaround (https://github.com/libuv/libuv/pull/1981,
// https://github.com/isaacs/node-graceful-fs/issues/104).
const RENAME_RETRIES = process.platform === 'win32' ? 5 : 0
const TRANSIENT = new Set(['EPERM', 'EACCES', 'EBUSY'])

async function renameWithRetry(fs: AtomicFs, from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fs.rename(from, to)
    } catch (error) {
      if (attempt >= RENAME_RETRIES || !TRANSIENT.has(errnoCode(error) ?? '')) throw error
      await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt))
    }
  }
}

async function syncFolder(fs: AtomicFs, folder: string): Promise<void> {
  // Best effort: Windows cannot open a folder for fsync (EPERM/EISDIR), and the data is already in place.
  try {
    const handle = await fs.open(folder, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    // nothing more to do: the rename is done, only its durability across a power cut is not confirmed
  }
}

export async function writeFileAtomic(path: string, data: string | Uint8Array, fs: AtomicFs = realFs): Promise<void> {
  const temp = tempPath(path)
  let created = false
  try {
    const handle = await fs.open(temp, 'wx', PRIVATE_FILE_MODE)
    created = true
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await renameWithRetry(fs, temp, path)
    created = false
  } catch (error) {
    if (created) await fs.unlink(temp).catch(() => undefined)
    throw new FileWriteError(path, error)
  }
  await syncFolder(fs, dirname(path))
}

/** Whether a process with this pid is running (EPERM: it is, under another user). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return errnoCode(error) === 'EPERM'
  }
}

/**
 * Removes temp files of `path` left by a process that died mid-write. Never those of a running process: a
 * web preview and a desktop app sharing one user-data folder each write their own temps at any moment.
 */
export async function removeStaleTemps(
  path: string,
  fs: AtomicFs = realFs,
  alive: (pid: number) => boolean = isProcessAlive,
): Promise<void> {
  const prefix = tempPrefix(path)
  let names: string[]
  try {
    names = await fs.readdir(dirname(path))
  } catch {
    return
  }
  const stale = names.filter((name) => {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) return false
    const pid = Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1])
    return !Number.isSafeInteger(pid) || pid <= 0 || (pid !== process.pid && !alive(pid))
  })
  await Promise.all(stale.map((name) => fs.unlink(join(dirname(path), name)).catch(() => undefined)))
}
