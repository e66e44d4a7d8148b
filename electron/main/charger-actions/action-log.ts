// Every write call the app sends, recorded (what, which chargers, when, the answer) as one JSON line per
// action in the user-data folder, per account. The history database imports these lines when it lands;
// until then this file is the record.
import { appendFile, mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'

export const ActionRecordSchema = z.object({
  at: z.string(),
  action: z.string(),
  chargers: z.array(z.string()),
  /** The answer in words ("Accepted", "3 sent, 1 offline", the error's sentence). */
  answer: z.string(),
})
export type ActionRecord = z.infer<typeof ActionRecordSchema>

export class ActionLog {
  constructor(
    private readonly dir: string,
    private readonly accountUuid: string,
  ) {}

  get path(): string {
    return join(this.dir, `actions-${this.accountUuid.replace(/[^\w-]/g, '_')}.jsonl`)
  }

  async record(entry: ActionRecord): Promise<void> {
    await mkdir(this.dir, { recursive: true })
    await appendFile(this.path, `${JSON.stringify(ActionRecordSchema.parse(entry))}\n`, { mode: 0o600 })
  }

  /** Every readable line, oldest first; a broken line (a crash mid-write) is skipped, not fatal. */
  async read(): Promise<ActionRecord[]> {
    let text: string
    try {
      text = await readFile(this.path, 'utf8')
    } catch {
      return []
    }
    return text.split('\n').flatMap((line) => {
      if (!line.trim()) return []
      try {
        const parsed = ActionRecordSchema.safeParse(JSON.parse(line))
        return parsed.success ? [parsed.data] : []
      } catch {
        return []
      }
    })
  }
}
