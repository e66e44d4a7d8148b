// Per-charger values that filtering and searching need on every keystroke, computed once per charger object.
// Keyed by object identity: a delta replaces only the chargers that changed, so the others keep their entries,
// and a replaced charger's entry is garbage-collected with it.
import { bucketOf, type Bucket } from '@shared/fleet-health'
import type { Charger } from '@shared/plugchoice-schemas'

const buckets = new WeakMap<Charger, Bucket>()
const searchTexts = new WeakMap<Charger, string>()

export function bucketFor(charger: Charger): Bucket {
  let bucket = buckets.get(charger)
  if (bucket === undefined) {
    bucket = bucketOf(charger)
    buckets.set(charger, bucket)
  }
  return bucket
}

/** The fields a search looks in (design: identity, reference, model, vendor, firmware and error text). */
function searchableFields(charger: Charger): Array<string | null | undefined> {
  return [
    charger.identity,
    charger.reference,
    charger.model?.vendor,
    charger.model?.name,
    charger.firmware_version,
    charger.parsed_firmware_version,
    charger.error,
    charger.vendor_error_code,
    charger.error_info,
  ]
}

/** One lowercase string per charger; fields are joined by a newline so that a term never spans two fields. */
export function searchTextFor(charger: Charger): string {
  let value = searchTexts.get(charger)
  if (value === undefined) {
    value = searchableFields(charger)
      .filter((field): field is string => typeof field === 'string' && field !== '')
      .join('\n')
      .toLowerCase()
    searchTexts.set(charger, value)
  }
  return value
}

/** Fills both caches for a new fleet so that the first keystroke costs no more than the next ones. */
export function indexChargers(chargers: readonly Charger[]): void {
  for (const charger of chargers) {
    bucketFor(charger)
    searchTextFor(charger)
  }
}
