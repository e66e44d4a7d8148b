// The history database's schema, as forward migrations in code: a file records its version in
// `schema_version`, and opening it applies every later step in one transaction. Never edit a released step;
// add the next one.
//
// Sizes matter (10,000 chargers × 90 days ≤ 100 MB): times are epoch seconds, buckets small integers, and
// OCPP words (status, error, error_info) are interned in `words`. Events are appended in time order, so their
// rowid is also their order: the Activity list and period queries page by rowid and need no time index.
import type Database from 'better-sqlite3'
import { backfillRollups } from './rollup-backfill'

export interface Migration {
  version: number
  up(db: Database.Database): void
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    up(db) {
      db.exec(`
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE words (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE);
        -- One row per charger ever seen: its last recorded state, so a restart diffs against what was written.
        CREATE TABLE chargers (
          id INTEGER PRIMARY KEY,
          uuid TEXT NOT NULL UNIQUE,
          label TEXT NOT NULL,
          first_seen INTEGER NOT NULL,
          present INTEGER NOT NULL,
          bucket INTEGER NOT NULL,
          status INTEGER,
          error INTEGER,
          connected_at INTEGER,
          disconnected_at INTEGER,
          changed_at INTEGER NOT NULL
        );
        CREATE TABLE events (
          id INTEGER PRIMARY KEY,
          charger INTEGER NOT NULL,
          at INTEGER NOT NULL,
          eff INTEGER NOT NULL,
          kind INTEGER NOT NULL,
          from_bucket INTEGER,
          to_bucket INTEGER,
          status_before INTEGER,
          status_after INTEGER,
          error_before INTEGER,
          error_after INTEGER
        );
        CREATE INDEX events_by_charger ON events (charger, at);
        CREATE TABLE syncs (
          at INTEGER PRIMARY KEY,
          ok INTEGER NOT NULL,
          error_code TEXT,
          requests INTEGER NOT NULL,
          counts TEXT
        );
        CREATE TABLE watch_spans (id INTEGER PRIMARY KEY, start INTEGER NOT NULL, end INTEGER NOT NULL);
      `)
    },
  },
  {
    // The reason of a fault in words: the charger's own error_info travels with the event.
    version: 2,
    up(db) {
      db.exec(`ALTER TABLE events ADD COLUMN error_info INTEGER`)
    },
  },
  {
    // Uptime from daily rollups (day-rollups.ts): one row per settled day, and the (day, charger) pairs a late
    // event has made stale. An existing history is rolled up at once, so its first uptime read is fast too.
    version: 3,
    up(db) {
      db.exec(`
        CREATE TABLE uptime_days (day INTEGER PRIMARY KEY, entries BLOB NOT NULL);
        CREATE TABLE uptime_stale (day INTEGER NOT NULL, charger INTEGER NOT NULL, PRIMARY KEY (day, charger)) WITHOUT ROWID;
      `)
      backfillRollups(db)
    },
  },
  {
    // Actions the user sent (restart, bulk commands) are events too: the command and its answer, as words.
    version: 4,
    up(db) {
      db.exec(`ALTER TABLE events ADD COLUMN action INTEGER; ALTER TABLE events ADD COLUMN answer INTEGER;`)
    },
  },
]

export const CURRENT_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version

/** The file's version (0 for a new, empty file). */
export function schemaVersion(db: Database.Database): number {
  const table = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'`).get()
  if (!table) return 0
  const row = db.prepare(`SELECT version FROM schema_version`).get() as { version: number } | undefined
  return row?.version ?? 0
}

export class NewerSchemaError extends Error {}

/** Brings the file up to the last migration; a file from a newer app is refused, never downgraded. */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const target = migrations[migrations.length - 1]?.version ?? 0
  const apply = db.transaction(() => {
    const from = schemaVersion(db)
    if (from > target) throw new NewerSchemaError(`it was written by a newer version of the app (schema ${from})`)
    if (from === 0) db.exec(`CREATE TABLE schema_version (version INTEGER NOT NULL)`)
    for (const step of migrations) if (step.version > from) step.up(db)
    db.prepare(`DELETE FROM schema_version`).run()
    db.prepare(`INSERT INTO schema_version (version) VALUES (?)`).run(target)
    return from
  })
  return apply.immediate()
}
