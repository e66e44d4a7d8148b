// Whether the user has been away (shared/constants.ts AWAY_AFTER_MIN: the window hidden or unfocused for that
// long, or the app started again), so that coming back offers "Since you last looked" at once.
import { AWAY_AFTER_MIN } from '@shared/constants'
import { activity } from './history.svelte'

export class AwayWatch {
  /** Set on coming back (or starting) with something new; the offer shows while there is something unseen. */
  offered = $state(false)
  #leftAt: number | null = null

  constructor(private readonly awayMs = AWAY_AFTER_MIN * 60_000) {}

  /** Listens to the window; answers the function that stops listening. */
  watch(win: Window): () => void {
    const leave = () => {
      this.#leftAt ??= Date.now()
    }
    const back = () => {
      const left = this.#leftAt
      this.#leftAt = null
      if (left !== null && Date.now() - left > this.awayMs) void this.check()
    }
    const visibility = () => (win.document.visibilityState === 'hidden' ? leave() : back())
    win.addEventListener('blur', leave)
    win.addEventListener('focus', back)
    win.document.addEventListener('visibilitychange', visibility)
    return () => {
      win.removeEventListener('blur', leave)
      win.removeEventListener('focus', back)
      win.document.removeEventListener('visibilitychange', visibility)
    }
  }

  /** After a start or an absence: offer the Activity when something happened since the last look. */
  async check(): Promise<void> {
    await activity.loadSince()
    this.offered = (activity.since?.total ?? 0) > 0
  }

  dismiss(): void {
    this.offered = false
  }
}

export const away = new AwayWatch()
