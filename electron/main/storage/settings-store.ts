// The user's settings in `<dir>/settings.json`. Missing fields take their defaults (a file from an older
// version still loads); an unusable file is set aside and the defaults apply. Updates are serialised, so two
// quick changes (say, a column hidden while notifications are paused) never lose one another.
import { join } from 'node:path'
import {
  DEFAULT_SETTINGS,
  SettingsPatchSchema,
  SettingsSchema,
  type Settings,
  type SettingsPatch,
} from '@shared/app-schemas'
import { summarizeIssues } from '@shared/plugchoice-schemas'
import { AppError } from '../core/app-error'
import { readJsonFile, validateWith, writeFailureReason, writeJsonFile, type JsonFileOptions } from './json-file'

export interface SetAsideNotice {
  reason: string
  movedTo: string
}

export class SettingsStore {
  readonly path: string
  /** Set when the last load found an unusable file and moved it aside (for a one-time notice). */
  lastSetAside: SetAsideNotice | null = null
  private current: Settings | null = null
  private queue: Promise<unknown> = Promise.resolve()

  constructor(
    userDataDir: string,
    private readonly options: JsonFileOptions = {},
  ) {
    this.path = join(userDataDir, 'settings.json')
  }

  async load(): Promise<Settings> {
    const read = await readJsonFile(this.path, validateWith(SettingsSchema), this.options)
    this.lastSetAside = read.kind === 'set-aside' ? { reason: read.reason, movedTo: read.movedTo } : null
    this.current = read.kind === 'loaded' ? read.value : structuredClone(DEFAULT_SETTINGS)
    return structuredClone(this.current)
  }

  /** Applies the fields present in `patch` and saves atomically; returns the settings now in force. */
  update(patch: SettingsPatch): Promise<Settings> {
    const run = this.queue.then(() => this.apply(patch))
    this.queue = run.catch(() => undefined)
    return run
  }

  private async apply(patch: SettingsPatch): Promise<Settings> {
    const parsed = SettingsPatchSchema.safeParse(patch)
    if (!parsed.success)
      throw new AppError('invalid-settings', `These settings cannot be used: ${summarizeIssues(parsed.error)}`)
    // Only the keys the caller sent: the patch schema fills in defaults for absent keys, which must not
    // overwrite what the user set before.
    const changes = Object.fromEntries(
      Object.keys(patch).map((key) => [key, (parsed.data as Record<string, unknown>)[key]]),
    )
    const base = this.current ?? (await this.load())
    const next = SettingsSchema.parse({ ...base, ...changes })
    try {
      await writeJsonFile(this.path, next, this.options.fs)
    } catch (error) {
      throw new AppError('settings-write-failed', `Your settings could not be saved (${writeFailureReason(error)}).`, {
        cause: error,
      })
    }
    this.current = next
    return structuredClone(next)
  }
}
