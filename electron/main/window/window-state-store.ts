// The window's remembered state in a small JSON file in the user-data folder. Losing it costs the user a
// window position, nothing more: an unreadable file means defaults (said once in the log), never a failed start.
import { mkdir, readFile, rename, rm, writeFile, open } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { DEFAULT_WINDOW_STATE, WindowStateSchema, type WindowState } from './window-state'

export const WINDOW_STATE_FILE = 'window-state.json'

export class WindowStateStore {
  readonly filePath: string

  constructor(
    userDataDir: string,
    private readonly log: (line: string) => void = (line) => console.warn(`[plugfleet] ${line}`),
  ) {
    this.filePath = join(userDataDir, WINDOW_STATE_FILE)
  }

  async load(): Promise<WindowState> {
    let text: string
    try {
      text = await readFile(this.filePath, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.log(`window state unreadable, using defaults: ${(error as Error).message}`)
      return { ...DEFAULT_WINDOW_STATE }
    }
    try {
      const parsed = WindowStateSchema.safeParse(JSON.parse(text))
      if (parsed.success) return parsed.data
    } catch {
      // not JSON: same answer as a wrong shape
    }
    this.log('window state file is damaged, using defaults')
    return { ...DEFAULT_WINDOW_STATE }
  }

  /** Temp file, fsync, rename: a crash mid-write keeps the previous state. */
  async save(state: WindowState): Promise<void> {
    const data = `${JSON.stringify(WindowStateSchema.parse(state), null, 2)}\n`
    await mkdir(dirname(this.filePath), { recursive: true })
    const temp = `${this.filePath}.${process.pid}.tmp`
    try {
      await writeFile(temp, data)
      const handle = await open(temp, 'r+')
      try {
        await handle.sync()
      } finally {
        await handle.close()
      }
      await rename(temp, this.filePath)
    } catch (error) {
      await rm(temp, { force: true })
      throw error
    }
  }
}
