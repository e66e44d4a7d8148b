// A charger missing from one complete sync is not removed yet. The charger list is read page by page while it
// changes: a charger deleted on page 2 shifts every later one forward, so the first charger of page 3 slides
// onto page 2, already read, and is missing from this walk though nobody removed it. So a charger that was in
// the fleet and is missing from one sync is kept (as last seen) and marked "not seen in the last sync"; only a
// second complete sync without it removes it. One owner: FleetApp asks this before it swaps a fleet in.
import type { Charger } from '@shared/plugchoice-schemas'

export interface GraceResult {
  /** The fleet to show: the sync's chargers, then those missing from it for the first time, as last seen. */
  chargers: Charger[]
  /** uuids of the chargers kept although this sync did not see them. */
  notSeen: string[]
  /** uuids confirmed removed: missing from two complete syncs in a row. */
  removed: string[]
}

export class RemovalGrace {
  /** Chargers missing from the last complete sync, by uuid. */
  private missing = new Set<string>()

  /** The chargers missing from the last sync (for the status line and the list's marker). */
  notSeen(): string[] {
    return [...this.missing]
  }

  /** `previous` is the fleet shown before this sync (kept ones included); `synced` is what the sync read. */
  apply(previous: readonly Charger[], synced: readonly Charger[]): GraceResult {
    const seen = new Set(synced.map((charger) => charger.uuid))
    const kept: Charger[] = []
    const removed: string[] = []
    const missing = new Set<string>()
    for (const charger of previous) {
      if (seen.has(charger.uuid)) continue
      if (this.missing.has(charger.uuid)) removed.push(charger.uuid)
      else {
        kept.push(charger)
        missing.add(charger.uuid)
      }
    }
    this.missing = missing
    return { chargers: [...synced, ...kept], notSeen: [...missing], removed }
  }

  /** Another account, sign-out: nothing carried over. */
  reset(): void {
    this.missing.clear()
  }
}
