// The search text that searching needs on every keystroke, computed once per charger object (the bucket is
// not computed here: main sends it with the charger's facts). Keyed by object identity: a delta replaces
// only the chargers that changed, so the others keep their entries, and a replaced charger's entry is
// garbage-collected with it.
import type { FleetCharger } from '@shared/charger-facts'

const searchTexts = new WeakMap<FleetCharger, string>()

/** The fields a search looks in (design: identity, reference, model, vendor, firmware and error text). */
function searchableFields(charger: FleetCharger): Array<string | null | undefined> {
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
export function searchTextFor(charger: FleetCharger): string {
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

/** Fills the cache for a new fleet so that the first keystroke costs no more than the next ones. */
export function indexChargers(chargers: readonly FleetCharger[]): void {
  for (const charger of chargers) searchTextFor(charger)
}
