// Days of a changing fleet, without a server or a wait: the same dynamics as the simulated API, stepped on
// simulated time, handed to `onSync` as the app would see them after each poll. The benchmark records 90 days
// of a 10,000-charger fleet with it, and the demo starts with a week of history made by it.
import type { Charger } from '@shared/plugchoice-schemas'
import { evolveFleet } from './fleet-dynamics'
import { mixSeed, SeededRandom } from './seeded-random'

export interface FleetDaysOptions {
  fleet: readonly Charger[]
  seed: number
  /** Simulated epoch ms of the first poll. */
  from: number
  until: number
  pollEveryMs: number
  /** State changes per charger per day (charging sessions, drops, faults, in the generator's mix). */
  changesPerChargerDay: number
  /** Stretches when nobody watched (epoch ms, [start, end)): the fleet still changes, no poll is made. */
  unwatched?: readonly { start: number; end: number }[]
  onSync(at: number, fleet: readonly Charger[]): void
}

/** Runs the polls and answers the fleet as it is at the end. */
export function runFleetDays(options: FleetDaysOptions): Charger[] {
  const random = new SeededRandom(mixSeed(options.seed, 0xda75))
  const perPoll = (options.fleet.length * options.changesPerChargerDay * options.pollEveryMs) / 86_400_000
  let fleet = options.fleet.slice()
  let carry = 0
  for (let at = options.from; at < options.until; at += options.pollEveryMs) {
    // Fractional changes per poll add up, so a small fleet still changes at the asked rate.
    carry += perPoll
    const changes = Math.floor(carry)
    carry -= changes
    if (changes > 0) fleet = evolveFleet(fleet, random, changes, at)
    const asleep = options.unwatched?.some((gap) => at >= gap.start && at < gap.end) ?? false
    if (!asleep) options.onSync(at, fleet)
  }
  return fleet
}
