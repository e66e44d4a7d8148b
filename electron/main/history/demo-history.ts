// The demo starts with a week of history already recorded, so a newcomer sees the feature at once: the
// simulator's dynamics run over the past week on simulated time, with the laptop closed every night
// (those hours stay "not watched"), recorded through the real recorder. Only into an empty history.
import type { Charger } from '@shared/plugchoice-schemas'
import { runFleetDays } from '../sim/fleet-days'
import type { FleetHistory } from './fleet-history'

const DAY = 86_400_000
const HOUR = 3_600_000

export interface DemoHistoryOptions {
  history: FleetHistory
  /** The demo fleet as it was a week ago. */
  fleet: readonly Charger[]
  now: number
  days?: number
  seed?: number
}

/** Records the past days and answers the fleet as it is now (for the simulator to serve), or null if the history had a record already. */
export function seedDemoHistory(options: DemoHistoryOptions): Charger[] | null {
  const { history, now } = options
  if (history.activity({ limit: 1 }).total > 0) return null
  const days = options.days ?? 7
  const from = now - days * DAY
  const nights = Array.from({ length: days }, (_, i) => {
    const midnight = Math.floor((from + i * DAY) / DAY) * DAY
    return { start: midnight + 19 * HOUR, end: midnight + 31 * HOUR }
  })
  const pollEveryMs = 5 * 60_000
  return runFleetDays({
    fleet: options.fleet,
    seed: options.seed ?? 2026,
    from,
    until: now,
    pollEveryMs,
    changesPerChargerDay: 6,
    unwatched: nights,
    onSync: (at, fleet) =>
      history.recordSync({ at, outcome: { ok: true, requests: 3 }, after: fleet, pollIntervalMs: pollEveryMs }),
  })
}
