// When the user last looked at the window, and what the fleet was then. "Looked" ends when the window loses
// focus or is hidden: what changes after that is marked in the list until the user turns away again, so the
// marks say what happened while they were elsewhere (or since the cached list they last saw at start-up).
import { changesSince, factsByUuid, type LookedFacts } from '../lib/changed-since'
import type { FleetStore } from './fleet-store.svelte'

export class LookTracker {
  #seen = $state.raw<LookedFacts | null>(null)
  readonly #store: FleetStore

  constructor(store: FleetStore) {
    this.#store = store
  }

  changes = $derived.by(() => changesSince(this.#seen, this.#store.chargers))

  /** The user has seen the list as it is now. An empty list (signed out, first sync) is not a view of a fleet. */
  looked(): void {
    const chargers = this.#store.chargers
    this.#seen = chargers.length > 0 ? factsByUuid(chargers) : null
  }

  /** Starts watching the window; the list on screen now counts as seen. */
  watch(target: Window): void {
    this.looked()
    target.addEventListener('blur', () => this.looked())
    target.document.addEventListener('visibilitychange', () => {
      if (target.document.visibilityState === 'hidden') this.looked()
    })
  }
}
