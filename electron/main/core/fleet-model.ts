// The fleet the app shows right now, with a revision number so the renderer can apply small deltas
// instead of receiving 10,000 chargers after every poll. A charger whose data did not change keeps its
// place in no delta at all; only changed or new chargers travel, with the uuids of the removed ones.
// Each charger's facts (bucket, reason, since when) are derived here, once per sync, and travel with it.
// The connectors of a charger whose detail was read count in its facts until its connection changes: a
// reconnect (a reboot, a restart) re-reports every socket, so what was read before says nothing any more.
import type { FleetDelta, FleetStatus } from '@shared/app-schemas'
import type { Connector } from '@shared/charger-detail-schemas'
import { deriveChargerFacts, deriveFleetFacts, type ChargerFacts, type FleetCharger } from '@shared/charger-facts'
import { systemFormat, type Format } from '@shared/format'
import type { Charger } from '@shared/plugchoice-schemas'

export type FleetSource = FleetStatus['source']

export interface FleetOrigin {
  source: FleetSource
  accountUuid: string | null
  fetchedAt: string | null
}

export interface FleetModelOptions {
  /** The time (epoch ms) a change is first seen at; the system clock by default. */
  now?: () => number
  /** Writes the clock times into reasons ("Offline since 14:05"); this machine's locale by default. */
  format?: Format
}

export class FleetModel {
  private chargers: FleetCharger[] = []
  private fingerprints = new Map<string, string>()
  private byUuid = new Map<string, FleetCharger>()
  private current: FleetOrigin = { source: 'none', accountUuid: null, fetchedAt: null }
  private rev = 0
  /** Connectors read per charger, with the connection state they were read in. */
  private sockets = new Map<string, { connection: string | null; connectors: readonly Connector[] }>()
  private readonly now: () => number
  private readonly format: Format

  constructor(options: FleetModelOptions = {}) {
    this.now = options.now ?? Date.now
    this.format = options.format ?? systemFormat()
  }

  get revision(): number {
    return this.rev
  }

  get origin(): FleetOrigin {
    return this.current
  }

  list(): readonly FleetCharger[] {
    return this.chargers
  }

  get(uuid: string): FleetCharger | undefined {
    return this.byUuid.get(uuid)
  }

  /**
   * Swaps in a complete fleet (from a sync, or from the cache with the facts it kept) and derives each
   * charger's facts; returns the delta from the previous revision, or null when nothing changed.
   */
  replace(fleet: readonly Charger[], origin: FleetOrigin): FleetDelta | null {
    const previous = new Map<string, ChargerFacts>(this.chargers.map((charger) => [charger.uuid, charger.facts]))
    const connectors = new Map<string, readonly Connector[]>()
    const sockets = new Map<string, { connection: string | null; connectors: readonly Connector[] }>()
    for (const charger of fleet) {
      const read = this.sockets.get(charger.uuid)
      if (!read || read.connection !== (charger.connection_status ?? null)) continue
      sockets.set(charger.uuid, read)
      connectors.set(charger.uuid, read.connectors)
    }
    this.sockets = sockets
    const chargers = deriveFleetFacts(fleet, previous, { now: this.now(), format: this.format }, connectors)
    const fingerprints = new Map<string, string>()
    const upserted: FleetCharger[] = []
    for (const charger of chargers) {
      const fingerprint = JSON.stringify(charger)
      fingerprints.set(charger.uuid, fingerprint)
      if (this.fingerprints.get(charger.uuid) !== fingerprint) upserted.push(charger)
    }
    const removed = [...this.fingerprints.keys()].filter((uuid) => !fingerprints.has(uuid))
    this.chargers = chargers
    this.byUuid = new Map(chargers.map((charger) => [charger.uuid, charger]))
    this.fingerprints = fingerprints
    this.current = origin
    if (upserted.length === 0 && removed.length === 0) return null
    const delta: FleetDelta = { fromRevision: this.rev, toRevision: this.rev + 1, upserted, removed }
    this.rev = delta.toRevision
    return delta
  }

  /**
   * A page of a first sync (nothing cached to show meanwhile): its chargers join the list as they arrive,
   * marked `partial`, so the window has rows long before the walk is over. Only what is new travels.
   */
  appendPartial(page: readonly Charger[], origin: FleetOrigin): FleetDelta | null {
    const upserted = deriveFleetFacts(page, null, { now: this.now(), format: this.format })
    const changed = upserted.filter((charger) => {
      const fingerprint = JSON.stringify(charger)
      if (this.fingerprints.get(charger.uuid) === fingerprint) return false
      this.fingerprints.set(charger.uuid, fingerprint)
      return true
    })
    this.current = origin
    if (changed.length === 0) return null
    for (const charger of changed) this.byUuid.set(charger.uuid, charger)
    this.chargers = [...this.byUuid.values()]
    const delta: FleetDelta = { fromRevision: this.rev, toRevision: this.rev + 1, upserted: changed, removed: [] }
    this.rev = delta.toRevision
    return delta
  }

  /**
   * A charger's connectors were read (GET /chargers/{uuid}) while it was in `connection`: its facts take them
   * in now and at every sync until that changes. Returns the delta, or null when the facts stayed the same.
   */
  connectorsRead(uuid: string, connection: string | null, connectors: readonly Connector[]): FleetDelta | null {
    const index = this.chargers.findIndex((charger) => charger.uuid === uuid)
    const charger = this.chargers[index]
    if (!charger) return null
    this.sockets.set(uuid, { connection, connectors })
    if ((charger.connection_status ?? null) !== connection) return null
    const facts = deriveChargerFacts(charger, charger.facts, { now: this.now(), format: this.format }, connectors)
    const updated: FleetCharger = { ...charger, facts }
    const fingerprint = JSON.stringify(updated)
    if (this.fingerprints.get(uuid) === fingerprint) return null
    this.chargers = this.chargers.with(index, updated)
    this.byUuid.set(uuid, updated)
    this.fingerprints.set(uuid, fingerprint)
    const delta: FleetDelta = { fromRevision: this.rev, toRevision: this.rev + 1, upserted: [updated], removed: [] }
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
