// Opens one account's history database: `<userData>/history/<account>.sqlite`, WAL, migrated to the current
// schema. A file that is not a database, is damaged or comes from a newer app is set aside (renamed with its
// WAL beside it, so nothing is lost) and a new one started, with a notice; it never throws at the app.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { migrate, MIGRATIONS, NewerSchemaError, type Migration } from './migrations'

export type SqliteDb = Database.Database

export interface OpenHistoryOptions {
  migrations?: readonly Migration[]
  /** For the set-aside file's name. */
  now?: () => number
}

export interface OpenedHistory {
  /** Null only when not even a new file could be made (a read-only or full disk): history is off. */
  db: SqliteDb | null
  notice: string | null
}

const SIDE_FILES = ['', '-wal', '-shm'] as const

export function historyFolder(userDataDir: string): string {
  return join(userDataDir, 'history')
}

/** A file name from an account uuid that cannot leave the folder whatever the uuid holds. */
export function historyPath(userDataDir: string, accountUuid: string): string {
  const safe = accountUuid.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 120)
  if (!safe) throw new Error('An account uuid is needed to name its history')
  return join(historyFolder(userDataDir), `${safe}.sqlite`)
}

function openAndMigrate(path: string, migrations: readonly Migration[]): SqliteDb {
  const db = new Database(path)
  try {
    db.pragma('journal_mode = WAL')
    // WAL makes NORMAL safe against corruption; a power cut may lose the last sync's rows, never the file.
    db.pragma('synchronous = NORMAL')
    db.pragma('foreign_keys = OFF')
    migrate(db, migrations)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

export function describeOpenFailure(error: unknown): string {
  if (error instanceof NewerSchemaError) return error.message
  const code = (error as { code?: unknown }).code
  if (code === 'SQLITE_NOTADB') return 'it is not a database'
  if (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT')) return 'it is damaged'
  return (error as Error).message || String(error)
}

/** Moves the file and its WAL/SHM aside as `<name>.unreadable-<stamp>`; answers the new path of the main file. */
export function setAside(path: string, now: number): string {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-')
  const target = `${path}.unreadable-${stamp}`
  for (const suffix of SIDE_FILES) {
    if (existsSync(path + suffix)) renameSync(path + suffix, target + suffix)
  }
  return target
}

export function openHistoryDb(path: string, options: OpenHistoryOptions = {}): OpenedHistory {
  const migrations = options.migrations ?? MIGRATIONS
  const now = options.now ?? Date.now
  try {
    mkdirSync(join(path, '..'), { recursive: true })
    return { db: openAndMigrate(path, migrations), notice: null }
  } catch (first) {
    const reason = describeOpenFailure(first)
    try {
      const movedTo = setAside(path, now())
      return {
        db: openAndMigrate(path, migrations),
        notice: `The fleet history could not be read (${reason}); it was set aside as ${movedTo} and a new one started.`,
      }
    } catch (second) {
      return {
        db: null,
        notice: `The fleet history is off for now: it could not be opened (${describeOpenFailure(second)}).`,
      }
    }
  }
}

/** Signing out deletes the account's history with its cache. */
export function deleteHistoryFiles(userDataDir: string, accountUuid: string): void {
  const path = historyPath(userDataDir, accountUuid)
  for (const suffix of SIDE_FILES) rmSync(path + suffix, { force: true })
}
