// A fleet that changes over time, so the demo looks alive and tests can watch transitions: chargers go
// offline and come back, start and stop charging, fault and recover, in the generator's proportions so a
// demo left running does not drift into an all-offline fleet. Never-seen chargers stay never seen (a seen
// charger cannot become never seen again, and the demo keeps its never-connected example).
import type { Charger } from '@shared/plugchoice-schemas'
import { apiTimestamp, liveFieldsFor, SCENARIO_WEIGHTS, type Scenario } from './fleet-generator'
import type { SeededRandom } from './seeded-random'

const { never_seen: _neverSeen, ...TARGET_WEIGHTS } = SCENARIO_WEIGHTS
const IN_USE = new Set(['Charging', 'Preparing', 'SuspendedEV', 'SuspendedEVSE', 'Finishing', 'Occupied', 'Reserved'])

/** The generator's scenario a charger is in now (the inverse of liveFieldsFor, close enough for moving it). */
export function scenarioOf(charger: Charger): Scenario {
  if (charger.connection_status === 'never_seen') return 'never_seen'
  if (charger.connection_status === 'offline') return 'offline'
  if (charger.blocked) return 'blocked'
  if (charger.setup_pending) return 'setup_pending'
  if (charger.error === 'EVCommunicationError') return 'ev_communication'
  if (charger.status === 'Faulted' || (charger.error != null && charger.error !== 'NoError')) return 'fault'
  if (charger.status === 'Unavailable') return 'unavailable'
  if (charger.status != null && IN_USE.has(charger.status)) return 'charging'
  return 'available'
}

/** The charger moved to `target` at `now`, keeping its identity, model and every field the move does not touch. */
export function moveCharger(charger: Charger, target: Scenario, random: SeededRandom, now: number): Charger {
  const at = apiTimestamp(now)
  if (target === 'offline') {
    // An offline charger keeps its last reported status: the UI shows it greyed.
    return { ...charger, connection_status: 'offline', last_disconnection_at: at, updated_at: at }
  }
  const live = liveFieldsFor(target, random, charger.model?.vendor ?? null, now)
  const wasConnected = charger.connection_status === 'online'
  return {
    ...charger,
    ...live,
    last_connection_at: wasConnected ? charger.last_connection_at : at,
    last_disconnection_at: charger.last_disconnection_at,
    last_heartbeat_at: at,
    updated_at: at,
  }
}

/** A new fleet array with `changes` chargers moved (changed chargers are new objects; the rest are shared). */
export function evolveFleet(fleet: readonly Charger[], random: SeededRandom, changes: number, now: number): Charger[] {
  const next = fleet.slice()
  if (next.length === 0) return next
  // Each step redraws a random charger's state from the generator's weights, which keeps those weights as
  // the fleet's long-run mix; a redraw that lands on the charger's own state is no change and is skipped.
  // Bounded, so a fleet where nothing can move (all never seen) simply changes less.
  let moved = 0
  for (let attempt = 0; moved < changes && attempt < changes * 50; attempt++) {
    const index = random.int(0, next.length - 1)
    const charger = next[index] as Charger
    const current = scenarioOf(charger)
    if (current === 'never_seen') continue
    const target = random.weighted(TARGET_WEIGHTS)
    if (target === current) continue
    next[index] = moveCharger(charger, target, random, now)
    moved++
  }
  return next
}
