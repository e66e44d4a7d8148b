// Which chargers changed since the user last looked at the window: their facts now against the facts when the
// user last turned away. Pure, so the rule is unit-tested; the moment of looking is the view's (looked.svelte.ts).
import type { ChargerFacts, FleetCharger } from '@shared/charger-facts'
import type { Bucket } from '@shared/fleet-health'

export interface ChangeSinceLooked {
  /** The bucket the user last saw the charger in. */
  was: Bucket
}

export type LookedFacts = ReadonlyMap<string, ChargerFacts>

/** In use and OK change with every session a car starts or ends: only a change of bucket is news there. */
const REASON_IS_NEWS: ReadonlySet<Bucket> = new Set(['offline', 'never_connected', 'fault', 'attention', 'unknown'])

export function factsByUuid(chargers: readonly FleetCharger[]): LookedFacts {
  return new Map(chargers.map((charger) => [charger.uuid, charger.facts]))
}

/**
 * The chargers whose health or, where it is news, whose reason is not what the user last saw. A charger the
 * user has not seen yet is not marked: on a first sync, or for another account, that would be every one.
 */
export function changesSince(
  seen: LookedFacts | null,
  chargers: readonly FleetCharger[],
): ReadonlyMap<string, ChangeSinceLooked> {
  const changes = new Map<string, ChangeSinceLooked>()
  if (seen === null) return changes
  for (const charger of chargers) {
    const before = seen.get(charger.uuid)
    if (!before) continue
    const now = charger.facts
    const changed = before.bucket !== now.bucket || (REASON_IS_NEWS.has(now.bucket) && before.reason !== now.reason)
    if (changed) changes.set(charger.uuid, { was: before.bucket })
  }
  return changes
}
