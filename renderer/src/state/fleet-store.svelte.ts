// The fleet as the renderer holds it. The charger array is $state.raw: it is replaced, never mutated, and
// a delta replaces only the chargers it names (fleet-reconcile.ts), so rows keyed by uuid whose charger did
// not change keep the same object and are not re-rendered.
import type { FleetDelta, FleetStatus } from '@shared/app-schemas'
import type { FleetCharger } from '@shared/charger-facts'
import { api } from '../lib/api'
import { indexChargers } from '../lib/charger-index'
import { applyDelta } from '../lib/fleet-reconcile'

export class FleetStore {
  chargers = $state.raw<readonly FleetCharger[]>([])
  status = $state.raw<FleetStatus | null>(null)
  /** A snapshot has arrived at least once. */
  loaded = $state(false)
  /** Why the last snapshot could not be read, if it could not. */
  loadError = $state<string | null>(null)
  byUuid = $derived(new Map(this.chargers.map((charger) => [charger.uuid, charger])))

  #revision = -1
  #fetching: Promise<void> | null = null
  #fetchAgain = false
  /** fleet:status events so far: an answer may travel slower than events sent after it was computed. */
  #statusEvents = 0

  get revision(): number {
    return this.#revision
  }

  /** Fetches the whole fleet; concurrent calls share one request, and one asked for meanwhile runs after it. */
  refetch(): Promise<void> {
    if (this.#fetching) {
      this.#fetchAgain = true
      return this.#fetching
    }
    this.#fetching = this.#fetch().finally(() => {
      this.#fetching = null
      if (this.#fetchAgain) {
        this.#fetchAgain = false
        void this.refetch()
      }
    })
    return this.#fetching
  }

  async #fetch(): Promise<void> {
    // Marks for the benchmark (first rows within 300 ms of a 10,000-charger snapshot) and for DevTools.
    performance.mark('plugfleet:snapshot-requested')
    const eventsBefore = this.#statusEvents
    const result = await api.invoke['fleet:snapshot'](undefined)
    performance.mark('plugfleet:snapshot-validated')
    if (!result.ok) {
      this.loadError = result.error.message
      return
    }
    this.loadError = null
    this.#revision = result.data.status.revision
    this.chargers = result.data.chargers
    // A status event that arrived while the snapshot travelled is newer than the snapshot's own status; if it
    // names another revision, the chargers are already out of date too.
    if (this.#statusEvents === eventsBefore || !this.status) this.status = result.data.status
    else if (this.status.revision !== this.#revision) this.#fetchAgain = true
    this.loaded = true
    performance.mark('plugfleet:snapshot-applied')
    this.#indexSoon(result.data.chargers)
  }

  applyDelta(delta: FleetDelta): void {
    if (this.#fetching) {
      // The snapshot under way may or may not include this delta: fetch once more after it to be sure.
      this.#fetchAgain = true
      return
    }
    const outcome = applyDelta(this.chargers, this.#revision, delta)
    if (outcome.kind === 'out-of-order') void this.refetch()
    if (outcome.kind !== 'applied') return
    this.#revision = outcome.revision
    this.chargers = outcome.chargers
    this.#indexSoon(delta.upserted)
  }

  applyStatus(status: FleetStatus): void {
    this.#statusEvents++
    this.status = status
    // Events arrive in order and a delta always precedes the status that reports its revision: a status
    // naming another revision means a delta was lost (or arrived before the first snapshot).
    if (this.loaded && !this.#fetching && status.revision !== this.#revision) void this.refetch()
  }

  /** Search text is computed in idle time, so the first keystroke is as fast as the next. */
  #indexSoon(chargers: readonly FleetCharger[]): void {
    const run = () => indexChargers(chargers)
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 500 })
    else setTimeout(run, 0)
  }
}
