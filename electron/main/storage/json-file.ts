// Reading, validating and writing the app's JSON files (fleet cache, settings, account) in one place.
// A file that cannot be used — truncated, not JSON, the wrong shape, another version — is renamed aside
// (`<name>.corrupt-<time>`), never deleted, so nothing a person might want back is lost; the caller gets one
// `set-aside` answer with the reason and carries on empty. The next read finds no file and says `missing`.
// A file that cannot be read at all (EACCES, EMFILE) is left alone: `unreadable`.
// Set-aside copies are the user's alone (0600) and only the newest few are kept: a file that breaks at every
// start must not fill the folder.
import { basename, dirname, join } from 'node:path'
import type { z } from 'zod'
import { summarizeIssues } from '@shared/plugchoice-schemas'
import {
  errnoCode,
  FileWriteError,
  PRIVATE_DIR_MODE,
  PRIVATE_FILE_MODE,
  realFs,
  removeStaleTemps,
  writeFileAtomic,
  type AtomicFs,
} from './atomic-file'

/** How many set-aside copies of one file are kept; older ones are deleted. */
export const SET_ASIDE_KEPT = 3

export type Validation<T> = { ok: true; value: T } | { ok: false; reason: string }

export type JsonFileRead<T> =
  | { kind: 'loaded'; value: T }
  | { kind: 'missing' }
  | { kind: 'set-aside'; reason: string; movedTo: string }
  /** The file is there but could not be read now (permissions, too many open files): left as it is. */
  | { kind: 'unreadable'; reason: string }

export interface JsonFileOptions {
  fs?: AtomicFs
  /** Time used in the name of a set-aside file. */
  now?: () => Date
}

/** A validator from a zod schema, with the issues as a short sentence. */
export function validateWith<S extends z.ZodType>(schema: S): (json: unknown) => Validation<z.output<S>> {
  return (json) => {
    const parsed = schema.safeParse(json)
    return parsed.success
      ? { ok: true, value: parsed.data }
      : { ok: false, reason: `it has the wrong shape (${summarizeIssues(parsed.error)})` }
  }
}

export async function readJsonFile<T>(
  path: string,
  validate: (json: unknown) => Validation<T>,
  options: JsonFileOptions = {},
): Promise<JsonFileRead<T>> {
  const fs = options.fs ?? realFs
  await removeStaleTemps(path, fs)
  let text: string
  try {
    text = await fs.readFile(path, 'utf8')
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return { kind: 'missing' }
    // Not the file's fault: a good file must not be set aside because of a passing I/O error.
    return { kind: 'unreadable', reason: `it could not be read (${errnoCode(error) ?? 'unknown error'})` }
  }
  if (text.trim() === '') return setAside(path, 'it is empty', options)
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return setAside(path, 'it is not valid JSON (it may have been cut off while being written)', options)
  }
  const validation = validate(json)
  if (!validation.ok) return setAside(path, validation.reason, options)
  return { kind: 'loaded', value: validation.value }
}

async function setAside(path: string, reason: string, options: JsonFileOptions): Promise<JsonFileRead<never>> {
  const fs = options.fs ?? realFs
  const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-')
  for (let attempt = 0; attempt < 100; attempt++) {
    const movedTo = `${path}.corrupt-${stamp}${attempt ? `-${attempt}` : ''}`
    let reserved = false
    try {
      // Reserve the name first ('wx' fails if it exists): the rename must never replace an earlier set-aside file.
      await (await fs.open(movedTo, 'wx')).close()
      reserved = true
      await fs.rename(path, movedTo)
      await fs.chmod(movedTo, PRIVATE_FILE_MODE).catch(() => undefined)
      await pruneSetAside(path, SET_ASIDE_KEPT, fs)
      return { kind: 'set-aside', reason, movedTo }
    } catch (error) {
      if (errnoCode(error) === 'EEXIST') continue
      if (reserved) await fs.unlink(movedTo).catch(() => undefined)
      // The file cannot be moved: leave it where it is (the next save replaces it) and say so.
      return {
        kind: 'set-aside',
        reason: `${reason}; it could not be moved aside (${errnoCode(error) ?? 'unknown error'})`,
        movedTo: path,
      }
    }
  }
  return { kind: 'set-aside', reason: `${reason}; it could not be moved aside`, movedTo: path }
}

/** Writes `value` as JSON atomically, creating the folder if needed. Throws FileWriteError. */
export async function writeJsonFile(path: string, value: unknown, fs: AtomicFs = realFs): Promise<void> {
  try {
    await fs.mkdir(dirname(path), { recursive: true, mode: PRIVATE_DIR_MODE })
  } catch (error) {
    throw new FileWriteError(path, error)
  }
  await writeFileAtomic(path, JSON.stringify(value), fs)
}

/** Why a write failed, as words that fit mid-sentence ("the disk is full"); no path, fit for the UI. */
export function writeFailureReason(error: unknown): string {
  if (!(error instanceof FileWriteError)) return 'an unexpected error'
  return error.reason.charAt(0).toLowerCase() + error.reason.slice(1)
}

/** The set-aside copies of `path`, oldest first (their names carry the time they were set aside). */
async function setAsideCopies(path: string, fs: AtomicFs): Promise<string[]> {
  const prefix = `${basename(path)}.corrupt-`
  let names: string[]
  try {
    names = await fs.readdir(dirname(path))
  } catch {
    return []
  }
  const stamp = (name: string) =>
    name.slice(prefix.length).replace(/-(\d+)$/, (_, n: string) => `-${n.padStart(3, '0')}`)
  return names
    .filter((name) => name.startsWith(prefix))
    .sort((a, b) => stamp(a).localeCompare(stamp(b)))
    .map((name) => join(dirname(path), name))
}

/** Deletes all but the newest `keep` set-aside copies of `path` (all of them with 0). */
export async function pruneSetAside(path: string, keep: number, fs: AtomicFs = realFs): Promise<void> {
  const copies = await setAsideCopies(path, fs)
  const doomed = copies.slice(0, Math.max(0, copies.length - keep))
  await Promise.all(doomed.map((copy) => fs.unlink(copy).catch(() => undefined)))
}

/** Deletes the file; a file that is not there is already deleted. */
export async function removeJsonFile(path: string, fs: AtomicFs = realFs): Promise<void> {
  try {
    await fs.unlink(path)
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') throw error
  }
}
