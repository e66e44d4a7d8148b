import { afterEach, describe, expect, it } from 'vitest'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { FleetHistory } from '@main/history/fleet-history'
import { historyPath } from '@main/history/history-db'
import { CURRENT_VERSION, migrate, MIGRATIONS } from '@main/history/migrations'
import { ACCOUNT, MIN, offlineSince, online, T0 } from './history-fixtures'

let dir = ''
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function freshDir(): string {
  dir = mkdtempSync(join(tmpdir(), 'plugfleet-historydb-'))
  mkdirSync(join(dir, 'history'))
  return dir
}

const open = () => {
  const history = new FleetHistory({ userDataDir: dir, now: () => T0 + 10 * MIN, log: () => {} })
  return { history, status: history.open(ACCOUNT) }
}

describe('the history database file', () => {
  it('is one WAL database per account, at the current schema version', () => {
    freshDir()
    const { history } = open()
    history.recordSync({ at: T0, outcome: { ok: true, requests: 1 }, after: [online('a')] })
    history.close()
    const db = new Database(historyPath(dir, ACCOUNT), { readonly: true })
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.prepare('SELECT version FROM schema_version').pluck().get()).toBe(CURRENT_VERSION)
    db.close()
  })

  it('migrates a file of an older schema forward and keeps its history', () => {
    freshDir()
    const path = historyPath(dir, ACCOUNT)
    const old = new Database(path)
    migrate(old, MIGRATIONS.slice(0, 1))
    old.exec(
      `INSERT INTO chargers (uuid, label, first_seen, present, bucket, changed_at) VALUES ('a', 'A', 0, 1, 5, 0)`,
    )
    old.exec(`INSERT INTO events (charger, at, eff, kind, from_bucket, to_bucket) VALUES (1, 100, 90, 0, 5, 0)`)
    old.close()

    const { history, status } = open()
    expect(status).toEqual({ open: true, notice: null })
    const [event] = history.activity({}).events
    expect(event).toMatchObject({ kind: 'went_offline', label: 'A', from: 'ok', to: 'offline', errorInfo: null })
    // The new column is there for new events.
    history.recordSync({ at: T0, outcome: { ok: true, requests: 1 }, after: [online('a')] })
    history.recordSync({
      at: T0 + MIN,
      outcome: { ok: true, requests: 1 },
      after: [online('a', { status: 'Faulted', error: 'OtherError', error_info: 'RCD tripped' })],
    })
    expect(history.activity({ kinds: ['new_fault'] }).events[0]?.errorInfo).toBe('RCD tripped')
    history.close()
  })

  it('sets a file that is not a database aside, keeps its bytes, and starts a new history with a notice', () => {
    freshDir()
    const path = historyPath(dir, ACCOUNT)
    writeFileSync(path, 'this is not SQLite at all, just text that happens to sit here'.repeat(100))
    const { history, status } = open()
    expect(status.open).toBe(true)
    expect(status.notice).toMatch(/could not be read \(it is not a database\); it was set aside as .*unreadable/)
    const aside = readdirSync(join(dir, 'history')).find((name) => name.includes('.unreadable-'))!
    expect(readFileSync(join(dir, 'history', aside), 'utf8')).toMatch(/^this is not SQLite/)
    const a = online('a')
    history.recordSync({ at: T0, outcome: { ok: true, requests: 1 }, after: [a] })
    history.recordSync({ at: T0 + MIN, outcome: { ok: true, requests: 1 }, after: [offlineSince(a, T0 + MIN)] })
    expect(history.activity({}).total).toBe(1)
    history.close()
  })

  it('sets aside a file written by a newer app instead of downgrading it', () => {
    freshDir()
    const path = historyPath(dir, ACCOUNT)
    const newer = new Database(path)
    migrate(newer)
    newer.exec(`UPDATE schema_version SET version = ${CURRENT_VERSION + 1}`)
    newer.close()
    const { history, status } = open()
    expect(status.notice).toMatch(/newer version of the app/)
    expect(status.open).toBe(true)
    history.close()
  })

  it('sets aside whatever sits where the file should be', () => {
    freshDir()
    mkdirSync(historyPath(dir, ACCOUNT))
    const { history, status } = open()
    expect(status.open).toBe(true)
    expect(status.notice).toMatch(/set aside/)
    history.close()
  })

  it('turns history off with a notice when no file can be made, and answers calls without throwing', () => {
    dir = mkdtempSync(join(tmpdir(), 'plugfleet-historydb-'))
    // A file where the history folder should be: no database can be made under it.
    writeFileSync(join(dir, 'history'), 'not a folder')
    const { history, status } = open()
    expect(status.open).toBe(false)
    expect(status.notice).toMatch(/^The fleet history is off for now/)
    expect(history.recordSync({ at: T0, outcome: { ok: true, requests: 1 }, after: [online('a')] })).toBeNull()
    expect(() => history.activity({})).toThrow(/history is off/)
  })
})
