// A charger's derived facts: its health bucket, the reason for it in the words a person needs in the row,
// and since when. Derived once per sync in main (FleetModel.replace) and sent with the charger, so the
// window, the tray, the notifications and the CSV export all say the same thing; none derives its own.
// Where main has read the charger's connectors (GET /chargers/{uuid}), a connector worse than the charger's own
// status decides: "Available" at connector 0 with socket 2 Faulted is a fault, and the reason names the socket.
import { z } from 'zod'
import type { Connector } from './charger-detail-schemas'
import { worseConnector } from './connector-health'
import { BUCKETS, bucketOf, type Bucket } from './fleet-health'
import { errorCode } from './charger-words'
import { parseTime, systemFormat, type Format } from './format'
import { ChargerSchema, type Charger } from './plugchoice-schemas'
import { capText, MAX_TEXT_LENGTH } from './record-bounds'

export const ChargerFactsSchema = z.object({
  bucket: z.enum(BUCKETS),
  /**
   * Why, in a few words: "Setup not completed", "Blocked", "GroundFailure · vendor code 210",
   * "Offline since 14:05", "Charging". Null when there is nothing to explain (OK).
   */
  reason: z.string().max(MAX_TEXT_LENGTH).nullable(),
  /** Since when (ISO 8601) the charger has been in this bucket for this reason; null when not known. */
  since: z.string().max(64).nullable(),
})
export type ChargerFacts = z.infer<typeof ChargerFactsSchema>

/** A charger as the app holds and sends it: Plugchoice's record plus the facts derived from it. */
export const FleetChargerSchema = ChargerSchema.extend({ facts: ChargerFactsSchema })
export type FleetCharger = z.infer<typeof FleetChargerSchema>

export interface FactsContext {
  /** The time of the read the charger comes from (epoch ms): a change first seen now started no later. */
  now: number
  /** Writes the clock time into "Offline since 14:05". */
  format: Format
}

/**
 * The facts of one charger. `previous` is what the last sync derived for it (or the cache kept), and
 * gives "since when" where Plugchoice has no timestamp: a bucket and reason that did not change keep
 * their start, a change starts now, and a charger seen for the first time has no known start.
 */
export function deriveChargerFacts(
  charger: Charger,
  previous: ChargerFacts | null | undefined,
  context: FactsContext,
  connectors?: readonly Connector[] | null,
): ChargerFacts {
  const worse = connectors ? worseConnector(charger, connectors) : null
  const bucket = worse?.bucket ?? bucketOf(charger)
  if (bucket === 'offline') {
    const disconnected = parseTime(charger.last_disconnection_at)
    const since =
      disconnected !== null
        ? new Date(disconnected).toISOString()
        : previous?.bucket === 'offline'
          ? previous.since
          : startedNow(previous, context)
    const at = parseTime(since)
    return { bucket, reason: at === null ? 'Offline' : `Offline since ${context.format.clock(at, context.now)}`, since }
  }
  // Built from the charger's own text (each field already capped), so cut to one field's length again.
  const socket = worse && connectors?.find((connector) => connector.connector_id === worse.connectorId)
  const raw = socket ? connectorReason(socket) : reasonFor(bucket, charger)
  const reason = raw === null ? null : capText(raw, MAX_TEXT_LENGTH)
  const created = bucket === 'never_connected' ? parseTime(charger.created_at) : null
  const since =
    created !== null
      ? new Date(created).toISOString()
      : previous && previous.bucket === bucket && previous.reason === reason
        ? previous.since
        : startedNow(previous, context)
  return { bucket, reason, since }
}

/** A change seen against known previous facts started by now; with nothing to compare, when is unknown. */
function startedNow(previous: ChargerFacts | null | undefined, context: FactsContext): string | null {
  return previous ? new Date(context.now).toISOString() : null
}

function reasonFor(bucket: Exclude<Bucket, 'offline'>, charger: Charger): string | null {
  switch (bucket) {
    case 'never_connected':
      return 'Never connected'
    case 'fault':
      return faultReason(charger)
    case 'attention':
      return attentionReason(charger)
    case 'in_use':
      return charger.status ?? null
    case 'ok':
      return null
    case 'unknown':
      return unknownReason(charger)
  }
}

/** "GroundFailure · vendor code 210"; a Faulted status without an error code says "Faulted". */
function faultReason(charger: Charger): string {
  const code = errorCode(charger.error) ?? (charger.status?.trim() || 'Fault')
  const vendor = charger.vendor_error_code?.trim()
  return vendor ? `${code} · vendor code ${vendor}` : code
}

/** "Connector 2: Faulted · GroundFailure · vendor code RCD-02", from the connector's own fields. */
function connectorReason(connector: Connector): string {
  const error = errorCode(connector.error)
  const vendor = connector.vendor_error_code?.trim()
  const parts = [connector.status?.trim() || 'No status reported']
  if (error) parts.push(error)
  if (vendor) parts.push(`vendor code ${vendor}`)
  return `Connector ${connector.connector_id}: ${parts.join(' · ')}`
}

/** Every cause that applies, most fundamental first: "Setup not completed · Blocked". */
function attentionReason(charger: Charger): string {
  const causes: string[] = []
  if (charger.setup_pending === true || charger.setup_completed === false) causes.push('Setup not completed')
  if (charger.blocked === true) causes.push('Blocked')
  if (charger.status === 'Unavailable') causes.push('Unavailable')
  if (charger.error === 'EVCommunicationError') causes.push('EV communication error')
  return causes.join(' · ')
}

/** The value the model does not know, as received (design: shown, never dropped). */
function unknownReason(charger: Charger): string {
  const connection = charger.connection_status
  if (connection !== 'online') return connection ? `Connection "${connection}"` : 'No connection state reported'
  return charger.status ? `Status "${charger.status}"` : 'No status reported'
}

/**
 * The facts of a whole fleet. `previous` holds the facts of the last sync by uuid; where it has none, facts
 * the charger carries itself (a charger read back from the offline cache) count as the previous ones.
 * `connectors` holds, by uuid, the connectors main has read and still trusts.
 */
export function deriveFleetFacts(
  chargers: readonly Charger[],
  previous: ReadonlyMap<string, ChargerFacts> | null,
  context: FactsContext,
  connectors?: ReadonlyMap<string, readonly Connector[]>,
): FleetCharger[] {
  return chargers.map((charger) => {
    const before = previous?.get(charger.uuid) ?? carriedFacts(charger)
    return { ...charger, facts: deriveChargerFacts(charger, before, context, connectors?.get(charger.uuid)) }
  })
}

function carriedFacts(charger: Charger): ChargerFacts | null {
  if (!('facts' in charger)) return null
  const parsed = ChargerFactsSchema.safeParse(charger.facts)
  return parsed.success ? parsed.data : null
}

/** The facts of a fleet read with no earlier sync to compare with (a first read, the simulator's summary). */
export function withFacts(chargers: readonly Charger[], context?: FactsContext): FleetCharger[] {
  return deriveFleetFacts(chargers, null, context ?? { now: Date.now(), format: systemFormat() })
}
