// Shared by the history tests: a temp user-data folder, a clock the test moves, chargers and syncs.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FleetHistory } from '@main/history/fleet-history'
import { ChargerSchema, type Charger } from '@shared/plugchoice-schemas'

export const T0 = Date.UTC(2026, 5, 1, 8, 0, 0)
export const MIN = 60_000
export const HOUR = 60 * MIN
export const DAY = 24 * HOUR
export const ACCOUNT = 'account-1'

export function online(uuid: string, fields: Partial<Charger> = {}): Charger {
  return ChargerSchema.parse({
    uuid,
    identity: uuid.toUpperCase(),
    connection_status: 'online',
    status: 'Available',
    error: 'NoError',
    last_connection_at: new Date(T0 - DAY).toISOString(),
    last_disconnection_at: new Date(T0 - 2 * DAY).toISOString(),
    ...fields,
  })
}

export function offlineSince(charger: Charger, at: number): Charger {
  return { ...charger, connection_status: 'offline', last_disconnection_at: new Date(at).toISOString() }
}

export function backSince(charger: Charger, at: number): Charger {
  return { ...charger, connection_status: 'online', last_connection_at: new Date(at).toISOString() }
}

export interface Harness {
  dir: string
  clock: { now: number }
  history: FleetHistory
  sync(fleet: readonly Charger[], at?: number): void
  /** Good syncs every minute from `from` to `to` (inclusive) of an unchanging fleet. */
  watch(fleet: readonly Charger[], from: number, to: number): void
  reopen(): void
  cleanup(): void
}

export function harness(retentionDays?: number): Harness {
  const dir = mkdtempSync(join(tmpdir(), 'plugfleet-history-'))
  const clock = { now: T0 }
  const make = () => {
    const history = new FleetHistory({ userDataDir: dir, now: () => clock.now, retentionDays, log: () => {} })
    history.open(ACCOUNT)
    return history
  }
  const h: Harness = {
    dir,
    clock,
    history: make(),
    sync(fleet, at = clock.now) {
      clock.now = at
      h.history.recordSync({ at, outcome: { ok: true, requests: 1 }, after: fleet, pollIntervalMs: MIN })
    },
    watch(fleet, from, to) {
      for (let t = from; t <= to; t += MIN) h.sync(fleet, t)
    },
    reopen() {
      h.history.close()
      h.history = make()
    },
    cleanup() {
      h.history.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
  return h
}
