// The fleet the app shows right now, with a revision number so the renderer can apply small deltas
// instead of receiving 10,000 chargers after every poll. A charger whose data did not change keeps its
// place in no delta at all; only changed or new chargers travel, with the uuids of the removed ones.
import type { FleetDelta } from '@shared/app-schemas'
import type { Charger } from '@shared/plugchoice-schemas'

export type FleetSource = 'none' | 'cache' | 'live'

export interface FleetOrigin {
  source: FleetSource
  accountUuid: string | null
  fetchedAt: string | null
}

export class FleetModel {
  private chargers: Charger[] = []
  private fingerprints = new Map<string, string>()
  private byUuid = new Map<string, Charger>()
  private current: FleetOrigin = { source: 'none', accountUuid: null, fetchedAt: null }
  private rev = 0

  get revision(): number {
    return this.rev
  }

  get origin(): FleetOrigin {
    return this.current
  }

  list(): readonly Charger[] {
    return this.chargers
  }

  get(uuid: string): Charger | undefined {
    return this.byUuid.get(uuid)
  }

  /** Swaps in a complete fleet; returns the delta from the previous revision, or null when nothing changed. */
  replace(chargers: readonly Charger[], origin: FleetOrigin): FleetDelta | null {
    const fingerprints = new Map<string, string>()
    const upserted: Charger[] = []
    for (const charger of chargers) {
      const fingerprint = JSON.stringify(charger)
      fingerprints.set(charger.uuid, fingerprint)
      if (this.fingerprints.get(charger.uuid) !== fingerprint) upserted.push(charger)
    }
    const removed = [...this.fingerprints.keys()].filter((uuid) => !fingerprints.has(uuid))
    this.chargers = [...chargers]
    this.byUuid = new Map(chargers.map((charger) => [charger.uuid, charger]))
    this.fingerprints = fingerprints
    this.current = origin
    if (upserted.length === 0 && removed.length === 0) return null
    const delta: FleetDelta = { fromRevision: this.rev, toRevision: this.rev + 1, upserted, removed }
    this.rev = delta.toRevision
    return delta
  }

  /** Marks where the same chargers came from (a live sync that changed nothing is still a fresh read). */
  setOrigin(origin: FleetOrigin): void {
    this.current = origin
  }

  clear(): FleetDelta | null {
    return this.replace([], { source: 'none', accountUuid: null, fetchedAt: null })
  }
}
