// What a sync changed, against the history's own record of each charger (not the fleet on screen), so a
// restart or a cache older than the history never writes an event twice. Pure, except that it memoises the
// raw API fields on a prior state read back from the database (in memory only).
//
// - A change of bucket is an event, except OK ↔ In use (a charging session is not a reliability event).
// - The moment is the API's where it gives one: last_disconnection_at for "went offline", last_connection_at
//   for "came back", bounded below by the last time the app saw the charger otherwise (`notBefore`).
// - A charger online at both syncs whose last_disconnection_at moved went offline and came back in between:
//   that outage is recorded from the API's timestamps, so brief drops between polls are not lost.
import { bucketOf, chargerLabel, emptyCounts, type Bucket, type BucketCounts } from '@shared/fleet-health'
import type { HistoryEventKind } from '@shared/history-schemas'
import type { Charger } from '@shared/plugchoice-schemas'

export interface ChargerState {
  uuid: string
  label: string
  present: boolean
  bucket: Bucket
  status: string | null
  error: string | null
  /** Epoch seconds (the API's timestamps, as last recorded). */
  connectedAt: number | null
  disconnectedAt: number | null
  /** When its last event happened (epoch seconds). */
  changedAt: number
  /** The API's raw fields this state was made from, kept in memory only: an unchanged charger costs four compares. */
  source?: RawFields
}

interface RawFields {
  identity: string | null | undefined
  reference: string | null | undefined
  connected: string | null | undefined
  disconnected: string | null | undefined
}

export interface EventRow {
  uuid: string
  kind: HistoryEventKind
  /** Observed (epoch seconds). */
  at: number
  /** Happened (epoch seconds, ≤ at). */
  eff: number
  from: Bucket | null
  to: Bucket | null
  statusBefore: string | null
  statusAfter: string | null
  errorBefore: string | null
  errorAfter: string | null
  errorInfo: string | null
}

export interface FleetDiff {
  events: EventRow[]
  /** Chargers whose recorded state changes (new ones included). */
  states: ChargerState[]
  counts: BucketCounts
  /** The prior state each charger of `after` was matched with, by position: the next sync's `lastOrder`. */
  order: (ChargerState | undefined)[]
}

const DISCONNECTED: ReadonlySet<Bucket> = new Set(['offline', 'never_connected'])
const UP_PAIR: ReadonlySet<Bucket> = new Set(['ok', 'in_use'])

export function toSeconds(iso: string | null | undefined): number | null {
  if (!iso) return null
  const ms = Date.parse(iso)
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : null
}

export function kindOf(from: Bucket, to: Bucket, errorChanged: boolean): HistoryEventKind | null {
  if (from === to) return to === 'fault' && errorChanged ? 'new_fault' : null
  if (UP_PAIR.has(from) && UP_PAIR.has(to)) return null
  if (to === 'offline') return 'went_offline'
  if (to === 'fault') return 'new_fault'
  if (DISCONNECTED.has(from)) return 'came_back'
  if (from === 'fault') return 'fault_cleared'
  return 'changed'
}

function within(value: number | null, low: number, high: number): value is number {
  return value !== null && value >= low && value <= high
}

export function stateOf(charger: Charger, bucket: Bucket, changedAt: number): ChargerState {
  return {
    uuid: charger.uuid,
    label: chargerLabel(charger),
    present: true,
    bucket,
    status: charger.status ?? null,
    error: charger.error ?? null,
    connectedAt: toSeconds(charger.last_connection_at),
    disconnectedAt: toSeconds(charger.last_disconnection_at),
    changedAt,
    source: rawFields(charger),
  }
}

function rawFields(charger: Charger): RawFields {
  return {
    identity: charger.identity,
    reference: charger.reference,
    connected: charger.last_connection_at,
    disconnected: charger.last_disconnection_at,
  }
}

/** True when nothing the history records can differ, without parsing a date or building a label. */
function unchanged(old: ChargerState, charger: Charger, bucket: Bucket): boolean {
  const raw = old.source
  return (
    raw !== undefined &&
    old.present &&
    old.bucket === bucket &&
    old.status === (charger.status ?? null) &&
    old.error === (charger.error ?? null) &&
    raw.connected === charger.last_connection_at &&
    raw.disconnected === charger.last_disconnection_at &&
    raw.identity === charger.identity &&
    raw.reference === charger.reference
  )
}

function sameState(a: ChargerState, b: ChargerState): boolean {
  return (
    a.present === b.present &&
    a.bucket === b.bucket &&
    a.label === b.label &&
    a.status === b.status &&
    a.error === b.error &&
    a.connectedAt === b.connectedAt &&
    a.disconnectedAt === b.disconnectedAt
  )
}

/**
 * The prior state of the charger at `index`: the API lists the fleet in the same order sync after sync, so the
 * one found there last time is checked first; hashing 10,000 freshly parsed uuids was half the diff's time.
 */
function priorAt(
  prior: ReadonlyMap<string, ChargerState>,
  lastOrder: readonly (ChargerState | undefined)[],
  index: number,
  uuid: string,
): ChargerState | undefined {
  const guess = lastOrder[index]
  return guess !== undefined && guess.uuid === uuid ? guess : prior.get(uuid)
}

/**
 * @param prior the recorded state by uuid; empty means "no record yet": the fleet becomes the baseline silently
 * @param notBefore the last good sync before this one (epoch seconds), or null
 * @param lastOrder the previous diff's `order`, whose states must still be `prior`'s (a hint: any order is right)
 */
export function diffFleet(
  prior: ReadonlyMap<string, ChargerState>,
  after: readonly Charger[],
  at: number,
  notBefore: number | null,
  lastOrder: readonly (ChargerState | undefined)[] = [],
): FleetDiff {
  const baseline = prior.size === 0
  const events: EventRow[] = []
  const states: ChargerState[] = []
  const counts = emptyCounts()
  const order = new Array<ChargerState | undefined>(after.length)
  let matched = 0
  for (let index = 0; index < after.length; index++) {
    const charger = after[index]!
    const bucket = bucketOf(charger)
    counts[bucket]++
    const old = priorAt(prior, lastOrder, index, charger.uuid)
    order[index] = old
    if (old?.present) matched++
    if (old && unchanged(old, charger, bucket)) continue
    const next = stateOf(charger, bucket, old?.changedAt ?? at)
    const info = charger.error_info ?? null
    const row = (kind: HistoryEventKind, eff: number, from: Bucket | null, to: Bucket | null): EventRow => ({
      uuid: charger.uuid,
      kind,
      at,
      eff,
      from,
      to,
      statusBefore: old?.present ? old.status : null,
      statusAfter: next.status,
      errorBefore: old?.present ? old.error : null,
      errorAfter: next.error,
      errorInfo: info,
    })
    if (!old || !old.present) {
      if (!baseline) {
        events.push(row('added', at, null, bucket))
        next.changedAt = at
      }
      states.push(next)
      continue
    }
    const low = Math.max(old.changedAt, notBefore ?? old.changedAt)
    const blip =
      !DISCONNECTED.has(old.bucket) &&
      !DISCONNECTED.has(bucket) &&
      next.disconnectedAt !== null &&
      next.disconnectedAt > (old.disconnectedAt ?? -Infinity) &&
      within(next.disconnectedAt, low, at)
    if (blip) {
      const down = next.disconnectedAt as number
      const up = within(next.connectedAt, down, at) ? next.connectedAt : at
      events.push(row('went_offline', down, old.bucket, 'offline'), row('came_back', up, 'offline', bucket))
      next.changedAt = up
    } else {
      const kind = kindOf(old.bucket, bucket, old.error !== next.error)
      if (kind) {
        const api = kind === 'went_offline' ? next.disconnectedAt : kind === 'came_back' ? next.connectedAt : null
        const eff = within(api, low, at) ? api : at
        events.push(row(kind, eff, old.bucket, bucket))
        next.changedAt = eff
      }
    }
    // A state read back from the database has no raw fields yet: it gets them once, written or not.
    if (!sameState(old, next)) states.push(next)
    else old.source = next.source
  }
  let present = 0
  for (const old of prior.values()) if (old.present) present++
  if (matched === present) return { events, states, counts, order }
  const seen = new Set(after.map((charger) => charger.uuid))
  for (const old of prior.values()) {
    if (!old.present || seen.has(old.uuid)) continue
    events.push({
      uuid: old.uuid,
      kind: 'removed',
      at,
      eff: at,
      from: old.bucket,
      to: null,
      statusBefore: old.status,
      statusAfter: null,
      errorBefore: old.error,
      errorAfter: null,
      errorInfo: null,
    })
    states.push({ ...old, present: false, changedAt: at })
  }
  return { events, states, counts, order }
}
