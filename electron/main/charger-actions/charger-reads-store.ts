// The offline copy of the chargers' details and logs the user has opened, per account, so that a charger
// opened while Plugchoice cannot be reached (also after a restart of the app) shows its last known
// connectors and log, labelled as cached. Bounded to the most recently read chargers; written atomically;
// a file that cannot be used is set aside and the app carries on without it. Holds no pincode (the schema
// drops it before anything is kept) and no token.
import { join } from 'node:path'
import { z } from 'zod'
import {
  ChargerDetailViewSchema,
  LogViewSchema,
  type ChargerDetailView,
  type LogView,
} from '@shared/charger-actions-schemas'
import { readJsonFile, removeJsonFile, validateWith, writeJsonFile } from '../storage/json-file'

export const KEEP_CHARGERS = 100
const KEEP_LOG_ENTRIES = 100

const StoredReadsSchema = z.object({
  schemaVersion: z.literal(1),
  details: z.array(ChargerDetailViewSchema),
  logs: z.array(LogViewSchema),
})
export type StoredReads = Omit<z.infer<typeof StoredReadsSchema>, 'schemaVersion'>

export interface ReadsPersistence {
  load(): Promise<StoredReads>
  save(reads: StoredReads): Promise<void>
}

export function readsStorePath(dir: string, accountUuid: string): string {
  return join(dir, `charger-reads-${accountUuid.replace(/[^\w-]/g, '_')}.json`)
}

/** Signing out forgets the account's offline copy, as it does its cached fleet. */
export function removeReadsStore(dir: string, accountUuid: string): Promise<void> {
  return removeJsonFile(readsStorePath(dir, accountUuid))
}

export function fileReadsStore(dir: string, accountUuid: () => Promise<string | null>): ReadsPersistence {
  const pathFor = async () => {
    const account = await accountUuid()
    return account ? readsStorePath(dir, account) : null
  }
  let writing: Promise<void> = Promise.resolve()
  return {
    async load() {
      const path = await pathFor()
      if (!path) return { details: [], logs: [] }
      const read = await readJsonFile(path, validateWith(StoredReadsSchema))
      return read.kind === 'loaded' ? { details: read.value.details, logs: read.value.logs } : { details: [], logs: [] }
    },
    save(reads) {
      // One write at a time, in order: the last one holds the newest reads.
      writing = writing.then(async () => {
        const path = await pathFor()
        if (!path) return
        await writeJsonFile(path, {
          schemaVersion: 1,
          details: reads.details.slice(-KEEP_CHARGERS),
          logs: reads.logs
            .slice(-KEEP_CHARGERS)
            .map((log) => ({ ...log, entries: log.entries.slice(0, KEEP_LOG_ENTRIES) })),
        })
      })
      return writing
    },
  }
}

export type { ChargerDetailView, LogView }
