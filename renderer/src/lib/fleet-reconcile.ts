// Applying a fleet delta to the list the renderer holds. Only the chargers named in the delta are replaced;
// every other charger keeps its object identity, so its row (keyed by uuid) is not re-rendered.
import type { FleetDelta } from '@shared/app-schemas'
import type { FleetCharger } from '@shared/charger-facts'

export type DeltaOutcome =
  | { kind: 'applied'; chargers: readonly FleetCharger[]; revision: number }
  /** The delta does not follow the revision held: the caller must fetch a whole snapshot. */
  | { kind: 'out-of-order' }
  /** Leads to the revision already held (the snapshot fetched meanwhile included it): nothing to do. */
  | { kind: 'ignored' }

export function applyDelta(chargers: readonly FleetCharger[], revision: number, delta: FleetDelta): DeltaOutcome {
  if (delta.toRevision === revision && delta.fromRevision !== revision) return { kind: 'ignored' }
  // Anything else that does not start where we are (older, newer, or a main whose revisions restarted)
  // is not trusted to patch the list.
  if (delta.fromRevision !== revision) return { kind: 'out-of-order' }
  const upserts = new Map(delta.upserted.map((charger) => [charger.uuid, charger]))
  const removed = new Set(delta.removed)
  const next: FleetCharger[] = []
  for (const charger of chargers) {
    if (removed.has(charger.uuid)) continue
    const replacement = upserts.get(charger.uuid)
    if (replacement) {
      next.push(replacement)
      upserts.delete(charger.uuid)
    } else {
      next.push(charger)
    }
  }
  // What is left was not in the list: new chargers, appended in the order main sent them.
  for (const charger of upserts.values()) if (!removed.has(charger.uuid)) next.push(charger)
  return { kind: 'applied', chargers: next, revision: delta.toRevision }
}
