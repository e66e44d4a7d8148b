// The window's remembered state in a small JSON file in the user-data folder. Losing it costs the user a
// window position, nothing more: an unusable file is set aside (json-file's rule) and the window opens with
// defaults, never a failed start.
import { join } from 'node:path'
import { readJsonFile, validateWith, writeJsonFile } from '../storage/json-file'
import { DEFAULT_WINDOW_STATE, WindowStateSchema, type WindowState } from './window-state'

export const WINDOW_STATE_FILE = 'window-state.json'

export class WindowStateStore {
  readonly filePath: string
  /** Saves run one after another, so an older state can never land after a newer one. */
  private queue: Promise<void> = Promise.resolve()

  constructor(
    userDataDir: string,
    private readonly log: (line: string) => void = (line) => console.warn(`[plugfleet] ${line}`),
  ) {
    this.filePath = join(userDataDir, WINDOW_STATE_FILE)
  }

  async load(): Promise<WindowState> {
    const read = await readJsonFile(this.filePath, validateWith(WindowStateSchema))
    if (read.kind === 'loaded') return read.value
    if (read.kind === 'set-aside')
      this.log(`the window's remembered position was unusable (${read.reason}); using defaults`)
    return { ...DEFAULT_WINDOW_STATE }
  }

  save(state: WindowState): Promise<void> {
    const value = WindowStateSchema.parse(state)
    const write = this.queue.then(() => writeJsonFile(this.filePath, value))
    this.queue = write.catch(() => undefined)
    return write
  }
}
