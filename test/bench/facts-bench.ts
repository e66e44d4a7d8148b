// The cost of deriving every charger's facts (bucket, reason, since when) once per sync in main, for a
// 10,000-charger fleet: the first sync (nothing to remember) and a later one (every charger compared with
// its previous facts), against the baseline of merely bucketing the same fleet in the same run. Most of the
// cost is copying each record beside its facts (the record itself is never mutated: callers keep theirs).
import { deriveFleetFacts, type ChargerFacts } from '@shared/charger-facts'
import { bucketOf } from '@shared/fleet-health'
import { systemFormat } from '@shared/format'
import { generateFleet } from '@main/sim/index'
import { median } from './stats'

export interface FactsBench {
  chargers: number
  firstSyncMs: number
  laterSyncMs: number
  bucketOnlyMs: number
}

export function benchFacts(chargers = 10_000, rounds = 9): FactsBench {
  const fleet = generateFleet(chargers, 42)
  const context = { now: Date.now(), format: systemFormat() }
  const first: number[] = []
  const later: number[] = []
  const bucketOnly: number[] = []
  for (let i = 0; i < rounds; i++) {
    let started = performance.now()
    const derived = deriveFleetFacts(fleet, null, context)
    first.push(performance.now() - started)
    const previous = new Map<string, ChargerFacts>(derived.map((charger) => [charger.uuid, charger.facts]))
    started = performance.now()
    deriveFleetFacts(fleet, previous, context)
    later.push(performance.now() - started)
    started = performance.now()
    let sink = 0
    for (const charger of fleet) sink += bucketOf(charger).length
    bucketOnly.push(performance.now() - started)
    if (sink === 0) throw new Error('no buckets')
  }
  return {
    chargers,
    firstSyncMs: round(median(first)),
    laterSyncMs: round(median(later)),
    bucketOnlyMs: round(median(bucketOnly)),
  }
}

const round = (ms: number) => Math.round(ms * 10) / 10
