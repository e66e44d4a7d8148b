// The signed-in account remembered between runs (`<dir>/account.json`): who it is, never the token (that
// lives in the OS keychain). Lets start-up show the right cached fleet before Plugchoice answers.
import { join } from 'node:path'
import { AccountSchema, type Account } from '@shared/app-schemas'
import { AppError } from '../core/app-error'
import {
  readJsonFile,
  removeJsonFile,
  validateWith,
  writeFailureReason,
  writeJsonFile,
  type JsonFileOptions,
} from './json-file'

export class AccountStore {
  readonly path: string

  constructor(
    userDataDir: string,
    private readonly options: JsonFileOptions = {},
  ) {
    this.path = join(userDataDir, 'account.json')
  }

  /** The remembered account, or null (none, or an unusable file that was set aside). */
  async load(): Promise<Account | null> {
    const read = await readJsonFile(this.path, validateWith(AccountSchema), this.options)
    return read.kind === 'loaded' ? read.value : null
  }

  async save(account: Account): Promise<void> {
    // Only the schema's fields reach the disk, whatever else the object carries.
    const clean = AccountSchema.parse(account)
    try {
      await writeJsonFile(this.path, clean, this.options.fs)
    } catch (error) {
      throw new AppError(
        'account-write-failed',
        `The signed-in account could not be remembered (${writeFailureReason(error)}).`,
        { cause: error },
      )
    }
  }

  async clear(): Promise<void> {
    await removeJsonFile(this.path, this.options.fs)
  }
}
