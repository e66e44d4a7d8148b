// The offline copy of the last complete fleet, one file per account: `<dir>/fleet-cache/<account>.json`.
// Written only after a sync read every page, atomically, so the previous copy survives a crash or a full
// disk. A file that is unusable — or belongs to another account — is set aside and never shown.
import { join } from 'node:path'
import { z } from 'zod'
import { ChargerSchema } from '@shared/plugchoice-schemas'
import { AppError } from '../core/app-error'
import {
  pruneSetAside,
  readJsonFile,
  removeJsonFile,
  writeFailureReason,
  writeJsonFile,
  type JsonFileOptions,
  type Validation,
} from './json-file'

export const SNAPSHOT_SCHEMA_VERSION = 1

export const FleetCacheSnapshotSchema = z.object({
  schemaVersion: z.literal(SNAPSHOT_SCHEMA_VERSION),
  accountUuid: z.string().min(1),
  /** When the fleet was read from Plugchoice (ISO 8601). */
  fetchedAt: z.iso.datetime({ offset: true }),
  chargers: z.array(ChargerSchema),
})
export type FleetCacheSnapshot = z.infer<typeof FleetCacheSnapshotSchema>

/** The snapshot without its chargers: checked first, so a wrong version or account costs no charger parsing. */
const HeaderSchema = FleetCacheSnapshotSchema.omit({ chargers: true })

export type SnapshotLoad =
  | { kind: 'loaded'; snapshot: FleetCacheSnapshot }
  | { kind: 'missing' }
  | { kind: 'set-aside'; reason: string; movedTo: string }
  | { kind: 'unreadable'; reason: string }

function snapshotValidator(accountUuid: string | undefined): (json: unknown) => Validation<FleetCacheSnapshot> {
  return (json) => {
    if (json === null || typeof json !== 'object' || Array.isArray(json)) {
      return { ok: false, reason: 'it is not a fleet snapshot' }
    }
    const version = (json as { schemaVersion?: unknown }).schemaVersion
    if (version !== SNAPSHOT_SCHEMA_VERSION) {
      return {
        ok: false,
        reason: `it was written in another format (schema version ${JSON.stringify(version ?? null)})`,
      }
    }
    const header = HeaderSchema.safeParse(json)
    if (!header.success) return { ok: false, reason: 'its header is damaged' }
    if (accountUuid !== undefined && header.data.accountUuid !== accountUuid) {
      return { ok: false, reason: 'it belongs to another account' }
    }
    // Strict: the file was written from validated chargers, so any bad record means the file is damaged.
    const full = FleetCacheSnapshotSchema.safeParse(json)
    if (!full.success) {
      const issue = full.error.issues[0]
      return { ok: false, reason: `a charger record is damaged${issue ? ` (at ${issue.path.join('.')})` : ''}` }
    }
    return { ok: true, value: full.data }
  }
}

/**
 * Reads and validates one snapshot file; an unusable one is set aside. With `accountUuid`, a snapshot of any
 * other account is unusable. Exported for the benchmark (load time of a 10,000-charger snapshot).
 */
export async function loadSnapshotFile(
  path: string,
  accountUuid?: string,
  options: JsonFileOptions = {},
): Promise<SnapshotLoad> {
  const read = await readJsonFile(path, snapshotValidator(accountUuid), options)
  return read.kind === 'loaded' ? { kind: 'loaded', snapshot: read.value } : read
}

/** A file name from an account uuid that cannot leave the folder whatever the uuid holds. */
export function snapshotFileName(accountUuid: string): string {
  const safe = accountUuid.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 120)
  if (!safe) throw new Error('An account uuid is needed to name its fleet cache')
  return `${safe}.json`
}

export class SnapshotStore {
  readonly folder: string

  constructor(
    userDataDir: string,
    private readonly options: JsonFileOptions = {},
  ) {
    this.folder = join(userDataDir, 'fleet-cache')
  }

  pathFor(accountUuid: string): string {
    return join(this.folder, snapshotFileName(accountUuid))
  }

  load(accountUuid: string): Promise<SnapshotLoad> {
    return loadSnapshotFile(this.pathFor(accountUuid), accountUuid, this.options)
  }

  /** Replaces the account's snapshot atomically; on failure the previous one is left as it was. */
  async save(snapshot: FleetCacheSnapshot): Promise<void> {
    const header = HeaderSchema.safeParse(snapshot)
    if (!header.success)
      throw new AppError('cache-write-failed', 'The offline copy of your fleet was not saved: the fleet is incomplete.')
    try {
      await writeJsonFile(this.pathFor(snapshot.accountUuid), snapshot, this.options.fs)
    } catch (error) {
      throw new AppError(
        'cache-write-failed',
        `The offline copy of your fleet could not be saved (${writeFailureReason(error)}). The previous copy is kept.`,
        { cause: error },
      )
    }
  }

  /** Deletes the account's snapshot and its set-aside copies (sign-out). */
  async remove(accountUuid: string): Promise<void> {
    try {
      await removeJsonFile(this.pathFor(accountUuid), this.options.fs)
      await pruneSetAside(this.pathFor(accountUuid), 0, this.options.fs)
    } catch (error) {
      throw new AppError(
        'cache-remove-failed',
        'The offline copy of your fleet could not be deleted. Try signing out again.',
        { cause: error },
      )
    }
  }
}
