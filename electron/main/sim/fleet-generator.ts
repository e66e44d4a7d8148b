// A seeded, realistic Plugchoice fleet for the demo, the tests and the benchmark. Charger i of a seed is
// generated from its own PRNG stream, so a fleet of 100 is the first 100 of a fleet of 10,000 of the same
// seed. Every health bucket of shared/fleet-health.ts appears in sensible proportions, and the first few
// dozen chargers hold one of each (so a small demo fleet shows them all), plus the odd values real chargers
// send: a reference with HTML in it, a non-standard error code, an unknown status, an extra unknown field.
import type { Charger } from '@shared/plugchoice-schemas'
import { mixSeed, SeededRandom } from './seeded-random'
import {
  LAST_STATUSES,
  MODEL_WEIGHTS,
  MODELS,
  pickFault,
  pickInUseStatus,
  SERVERS,
  SITE_HINTS,
  SITES,
  type ModelSpec,
} from './fleet-catalogue'

export { pickFault, pickInUseStatus, type FaultDetail } from './fleet-catalogue'

/** How a charger's live fields look; the dynamics move chargers between these. */
export const SCENARIO_WEIGHTS = {
  available: 600,
  charging: 220,
  offline: 45,
  fault: 30,
  never_seen: 25,
  unavailable: 20,
  setup_pending: 15,
  blocked: 10,
  ev_communication: 10,
} as const
export type Scenario = keyof typeof SCENARIO_WEIGHTS

/** "Now" of a fleet generated without one: fixed, so that a seed alone decides every byte. */
export const DEFAULT_FLEET_NOW = Date.UTC(2026, 0, 15, 12, 0, 0)

/** The exact reference the UI must show as text (it must never render as HTML). */
export const HTML_REFERENCE = '<img src=x onerror=alert(1)>Bay <b>7</b>'
/** A non-standard OCPP error value seen from real chargers. */
export const NONSTANDARD_ERROR = 'Error'
/** A charger-level status no version of OCPP defines. */
export const UNKNOWN_STATUS = 'Initializing'

type Special = 'html-reference' | 'nonstandard-error' | 'unknown-status'

/** One of each interesting case early in the fleet, at fixed places. */
const PLACED = new Map<number, { scenario: Scenario; special?: Special }>([
  [1, { scenario: 'charging' }],
  [2, { scenario: 'offline' }],
  [4, { scenario: 'fault' }],
  [6, { scenario: 'available', special: 'html-reference' }],
  [9, { scenario: 'never_seen' }],
  [11, { scenario: 'fault', special: 'nonstandard-error' }],
  [13, { scenario: 'ev_communication' }],
  [16, { scenario: 'available', special: 'unknown-status' }],
  [18, { scenario: 'blocked' }],
  [20, { scenario: 'setup_pending' }],
  [23, { scenario: 'unavailable' }],
])

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** The API's timestamp format: `2026-01-10T01:14:32.000000Z` (whole seconds, six decimals). */
export function apiTimestamp(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}.000000Z`
}

/** The fields that say how a charger is doing now. */
export type LiveFields = Pick<
  Charger,
  | 'connection_status'
  | 'status'
  | 'error'
  | 'error_info'
  | 'vendor_id'
  | 'vendor_error_code'
  | 'blocked'
  | 'setup_pending'
  | 'setup_completed'
  | 'last_connection_at'
  | 'last_disconnection_at'
  | 'last_heartbeat_at'
>

/** The live fields of a charger in `scenario`, with a plausible history before `now`. */
export function liveFieldsFor(
  scenario: Scenario,
  random: SeededRandom,
  vendorId: string | null,
  now: number,
): LiveFields {
  const healthy = {
    error: 'NoError',
    error_info: null,
    vendor_id: null,
    vendor_error_code: null,
    blocked: false,
    setup_pending: false,
    setup_completed: true,
  }
  if (scenario === 'never_seen') {
    return {
      ...healthy,
      connection_status: 'never_seen',
      status: null,
      error: null,
      setup_pending: true,
      setup_completed: false,
      last_connection_at: null,
      last_disconnection_at: null,
      last_heartbeat_at: null,
    }
  }
  if (scenario === 'offline') {
    const roll = random.next()
    const offlineFor =
      roll < 0.5
        ? random.int(10 * MINUTE, 6 * HOUR)
        : roll < 0.85
          ? random.int(6 * HOUR, 3 * DAY)
          : random.int(3 * DAY, 60 * DAY)
    const disconnectedAt = now - offlineFor
    return {
      ...healthy,
      connection_status: 'offline',
      status: random.pick(LAST_STATUSES),
      last_connection_at: apiTimestamp(disconnectedAt - random.int(HOUR, 30 * DAY)),
      last_disconnection_at: apiTimestamp(disconnectedAt),
      last_heartbeat_at: apiTimestamp(disconnectedAt - random.int(0, 10 * MINUTE)),
    }
  }
  const connectedAt = now - random.int(HOUR, 20 * DAY)
  // Some JSON chargers send a heartbeat only once a day: an old heartbeat alone does not mean offline.
  const heartbeatAge = random.chance(0.8) ? random.int(10_000, 15 * MINUTE) : random.int(HOUR, 20 * HOUR)
  const online = {
    ...healthy,
    connection_status: 'online',
    status: 'Available',
    last_connection_at: apiTimestamp(connectedAt),
    last_disconnection_at: random.chance(0.8) ? apiTimestamp(connectedAt - random.int(MINUTE, 2 * HOUR)) : null,
    last_heartbeat_at: apiTimestamp(Math.max(connectedAt, now - heartbeatAge)),
  }
  switch (scenario) {
    case 'available':
      return online
    case 'charging':
      return { ...online, status: pickInUseStatus(random) }
    case 'fault': {
      const fault = pickFault(random)
      return {
        ...online,
        // Most faults come with Faulted; some chargers report an error while still saying Available.
        status: random.chance(0.8) ? 'Faulted' : 'Available',
        error: fault.error,
        error_info: fault.info,
        vendor_id: fault.vendorErrorCode ? vendorId : null,
        vendor_error_code: fault.vendorErrorCode,
      }
    }
    case 'unavailable':
      return { ...online, status: 'Unavailable' }
    case 'setup_pending':
      return { ...online, setup_pending: true, setup_completed: false }
    case 'blocked':
      return { ...online, blocked: true }
    case 'ev_communication':
      return {
        ...online,
        status: 'SuspendedEVSE',
        error: 'EVCommunicationError',
        error_info: 'Vehicle did not respond to the control pilot signal',
        vendor_id: vendorId,
        vendor_error_code: 'CP-STATE-E',
      }
  }
}

function generateCharger(index: number, seed: number, now: number, identities: Set<string>): Charger {
  const random = new SeededRandom(mixSeed(seed, index))
  const placed = PLACED.get(index)
  const scenario = placed?.scenario ?? random.weighted(SCENARIO_WEIGHTS)
  const modelRoll = random.next()
  const spec = MODELS[Number(random.weighted(MODEL_WEIGHTS))] as ModelSpec
  // A few chargers come without their model: either null or not loaded at all (the key is absent).
  const modelShape = modelRoll < 0.02 ? 'null' : modelRoll < 0.04 ? 'absent' : 'present'

  let identity = spec.identity(random)
  while (identities.has(identity)) identity = spec.identity(random)
  identities.add(identity)

  const site = random.pick(SITES)
  let reference: string | null = random.chance(0.15) ? null : `${site} bay ${random.int(1, 24)}`
  if (placed?.special === 'html-reference') reference = HTML_REFERENCE

  const createdAt = now - random.int(30 * DAY, 3 * 365 * DAY)
  const seen = scenario !== 'never_seen'
  const [firmware, parsedFirmware] = random.pick(spec.firmware)
  const live = liveFieldsFor(scenario, random, spec.vendorId, now)
  if (placed?.special === 'nonstandard-error') {
    live.status = 'Available'
    live.error = NONSTANDARD_ERROR
    live.error_info = null
    live.vendor_id = null
    live.vendor_error_code = null
  }
  if (placed?.special === 'unknown-status') live.status = UNKNOWN_STATUS
  const sensitive = random.chance(0.6)

  const charger: Charger = {
    uuid: random.uuid(),
    id: 1001 + index,
    identity,
    reference,
    connection_status: live.connection_status,
    status: live.status,
    error: live.error,
    error_info: live.error_info,
    vendor_id: live.vendor_id,
    vendor_error_code: live.vendor_error_code,
    firmware_version: seen ? firmware : null,
    parsed_firmware_version: seen ? parsedFirmware : null,
    server: random.pick(SERVERS),
    last_connection_at: live.last_connection_at,
    last_disconnection_at: live.last_disconnection_at,
    last_heartbeat_at: live.last_heartbeat_at,
    setup_pending: live.setup_pending,
    setup_completed: live.setup_completed,
    blocked: live.blocked,
    max_current: seen || random.chance(0.5) ? random.pick(spec.maxCurrent) : null,
    created_at: apiTimestamp(createdAt),
    updated_at: apiTimestamp(Math.min(now, createdAt + random.int(0, 30 * DAY))),
    licenses: { smart: random.chance(0.7), pro: random.chance(0.3) },
    model_id: modelShape === 'null' ? null : spec.id,
    model: { vendor: spec.vendor, name: spec.name, is_dc: spec.isDc },
    permissions: { basic: true, sensitive, full: sensitive && random.chance(0.6) },
  }
  if (modelShape === 'null') charger.model = null
  if (modelShape === 'absent') delete charger.model
  // Fields the app does not know yet must survive every hop (schema, cache, IPC) untouched.
  if (random.chance(0.08)) charger.site_hint = random.pick(SITE_HINTS)
  return charger
}

/**
 * A fleet of `size` chargers, the same for the same seed. `now` anchors the timestamps (last heartbeat,
 * offline since...); it defaults to a fixed date so the result depends on the seed alone.
 */
export function generateFleet(size: number, seed: number, now: number = DEFAULT_FLEET_NOW): Charger[] {
  if (!Number.isInteger(size) || size < 0) throw new RangeError(`Fleet size must be a whole number ≥ 0, got ${size}`)
  const identities = new Set<string>()
  const fleet: Charger[] = []
  for (let index = 0; index < size; index++) fleet.push(generateCharger(index, seed, now, identities))
  return fleet
}
