// The fleet health model: one bucket per charger, worst first. bucketOf is the rule; it is
// applied once per sync by charger-facts.ts, and everything else reads the bucket from the charger's facts.
import type { FleetCharger } from './charger-facts'
import type { Charger } from './plugchoice-schemas'

export const BUCKETS = ['offline', 'never_connected', 'fault', 'attention', 'in_use', 'ok', 'unknown'] as const
export type Bucket = (typeof BUCKETS)[number]

export const BUCKET_LABELS: Record<Bucket, string> = {
  offline: 'Offline',
  never_connected: 'Never connected',
  fault: 'Fault',
  attention: 'Attention',
  in_use: 'In use',
  ok: 'OK',
  unknown: 'Unknown',
}

/** Errors that are not a fault: no error at all, or EV communication trouble (the charger recovers itself). */
const NOT_A_FAULT = new Set([null, undefined, '', 'NoError', 'EVCommunicationError'])
const IN_USE = new Set(['Charging', 'Preparing', 'SuspendedEV', 'SuspendedEVSE', 'Finishing', 'Occupied', 'Reserved'])
const KNOWN_CONNECTION = new Set(['online', 'offline', 'never_seen'])

export function bucketOf(charger: Charger): Bucket {
  const connection = charger.connection_status
  if (connection === 'offline') return 'offline'
  if (connection === 'never_seen') return 'never_connected'
  if (charger.status === 'Faulted' || !NOT_A_FAULT.has(charger.error)) return 'fault'
  if (
    charger.status === 'Unavailable' ||
    charger.blocked === true ||
    charger.setup_pending === true ||
    charger.setup_completed === false ||
    charger.error === 'EVCommunicationError'
  ) {
    return 'attention'
  }
  // Anything below judges a live charger: an unknown connection state is not "live".
  if (connection == null || !KNOWN_CONNECTION.has(connection)) return 'unknown'
  if (charger.status != null && IN_USE.has(charger.status)) return 'in_use'
  if (charger.status === 'Available') return 'ok'
  return 'unknown'
}

export type BucketCounts = Record<Bucket, number>

export function emptyCounts(): BucketCounts {
  return Object.fromEntries(BUCKETS.map((bucket) => [bucket, 0])) as BucketCounts
}

export function countBuckets(chargers: readonly FleetCharger[]): BucketCounts {
  const counts = emptyCounts()
  for (const charger of chargers) counts[charger.facts.bucket]++
  return counts
}

/** How a person names a charger: its reference when it has one, with the OCPP identity to tell twins apart. */
export function chargerLabel(charger: Pick<Charger, 'uuid' | 'identity' | 'reference'>): string {
  const identity = charger.identity?.trim() || charger.uuid
  const reference = charger.reference?.trim()
  return reference && reference !== identity ? `${reference} (${identity})` : identity
}

export const TRANSITION_KINDS = ['went_offline', 'came_back', 'new_fault', 'fault_cleared', 'added', 'removed'] as const
export type TransitionKind = (typeof TRANSITION_KINDS)[number]

export interface Transition {
  kind: TransitionKind
  uuid: string
  label: string
  from: Bucket | null
  to: Bucket | null
  /** The charger as it is now (or was, for `removed`). */
  charger: FleetCharger
}

const DISCONNECTED: ReadonlySet<Bucket> = new Set(['offline', 'never_connected'])

/** What changed between two complete fleets, by uuid. A charger can have one transition per sync. */
export function fleetTransitions(before: readonly FleetCharger[], after: readonly FleetCharger[]): Transition[] {
  const previous = new Map(before.map((charger) => [charger.uuid, charger]))
  const transitions: Transition[] = []
  const seen = new Set<string>()
  for (const charger of after) {
    seen.add(charger.uuid)
    const old = previous.get(charger.uuid)
    const to = charger.facts.bucket
    const base = { uuid: charger.uuid, label: chargerLabel(charger), to, charger }
    if (!old) {
      transitions.push({ ...base, kind: 'added', from: null })
      continue
    }
    const from = old.facts.bucket
    if (from === to) continue
    if (to === 'offline') transitions.push({ ...base, kind: 'went_offline', from })
    else if (to === 'fault') transitions.push({ ...base, kind: 'new_fault', from })
    else if (DISCONNECTED.has(from)) transitions.push({ ...base, kind: 'came_back', from })
    else if (from === 'fault' && !DISCONNECTED.has(to)) transitions.push({ ...base, kind: 'fault_cleared', from })
  }
  for (const old of before) {
    if (seen.has(old.uuid)) continue
    transitions.push({
      kind: 'removed',
      uuid: old.uuid,
      label: chargerLabel(old),
      from: old.facts.bucket,
      to: null,
      charger: old,
    })
  }
  return transitions
}
