// The offline copy of each account's fleet, as the app sees it: what to show from it, and the one line to say
// when it cannot be read or written. The last good copy is never replaced by a failure.
import type { Charger } from '@shared/plugchoice-schemas'
import { SnapshotStore } from '../storage/snapshot-store'
import { toAppError } from './app-error'

export type CachedFleet = { chargers: Charger[]; fetchedAt: string } | null

export class OfflineFleet {
  readonly #store: SnapshotStore
  readonly #log: (line: string) => void

  constructor(userDataDir: string, log: (line: string) => void) {
    this.#store = new SnapshotStore(userDataDir)
    this.#log = log
  }

  /** The account's cached fleet, or null; `notice` is what to say on screen (null: nothing to say). */
  async load(accountUuid: string): Promise<{ fleet: CachedFleet; notice: string | null }> {
    const cached = await this.#store.load(accountUuid)
    switch (cached.kind) {
      case 'loaded':
        return { fleet: { chargers: cached.snapshot.chargers, fetchedAt: cached.snapshot.fetchedAt }, notice: null }
      case 'unreadable':
        this.#log(`cache unreadable: ${cached.reason}`)
        return {
          fleet: null,
          notice: `The offline copy of your fleet could not be read (${cached.reason}); it is left as it is.`,
        }
      case 'set-aside':
        this.#log(`cache set aside: ${cached.reason}`)
        return {
          fleet: null,
          notice: `The offline copy of your fleet could not be read (${cached.reason}); it was set aside and will be rebuilt.`,
        }
      case 'missing':
        return { fleet: null, notice: null }
    }
  }

  /** Writes the copy; returns the notice to show if it could not (the fleet on screen is fine either way). */
  async save(accountUuid: string, fetchedAt: string, chargers: Charger[]): Promise<string | null> {
    try {
      await this.#store.save({ schemaVersion: 1, accountUuid, fetchedAt, chargers })
      return null
    } catch (error) {
      const notice = `The offline copy could not be updated: ${toAppError(error).message}`
      this.#log(notice)
      return notice
    }
  }

  remove(accountUuid: string): Promise<void> {
    return this.#store.remove(accountUuid)
  }
}
