// The bulk command under way (or the last one): started once per confirm, then its progress asked of main
// every second (main polls Plugchoice every 2 s within the budget; asking main costs no request).
import type { BulkAction, BulkRunView } from '@shared/charger-actions-schemas'
import { api } from '../lib/api'

const ASK_EVERY_MS = 1_000

export class BulkCommands {
  run = $state.raw<BulkRunView | null>(null)
  sending = $state(false)
  error = $state<string | null>(null)
  #timer: ReturnType<typeof setInterval> | null = null

  async start(action: BulkAction, uuids: string[]): Promise<void> {
    if (this.sending) return
    this.sending = true
    this.error = null
    try {
      const result = await api.invoke['bulk:start']({ action, uuids, confirmed: true })
      if (!result.ok) {
        this.error = result.error.message
        return
      }
      this.run = result.data
      this.#follow(result.data.runUuid)
    } finally {
      this.sending = false
    }
  }

  dismiss(): void {
    this.#stop()
    this.run = null
    this.error = null
  }

  #follow(runUuid: string): void {
    this.#stop()
    if (this.run?.status !== 'running') return
    this.#timer = setInterval(async () => {
      const result = await api.invoke['bulk:run']({ runUuid })
      if (this.run?.runUuid !== runUuid) return
      if (!result.ok) {
        this.error = result.error.message
        this.#stop()
        return
      }
      this.run = result.data
      if (result.data.status !== 'running') this.#stop()
    }, ASK_EVERY_MS)
  }

  #stop(): void {
    if (this.#timer !== null) clearInterval(this.#timer)
    this.#timer = null
  }
}

export const bulk = new BulkCommands()
