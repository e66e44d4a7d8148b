// The search text that searching needs on every keystroke, computed once per charger object (the bucket is
// not computed here: main sends it with the charger's facts). Keyed by object identity: a delta replaces
// only the chargers that changed, so the others keep their entries, and a replaced charger's entry is
// garbage-collected with it.
import type { FleetCharger } from '@shared/charger-facts'
import type { Bucket } from '@shared/fleet-health'
import { connectionInWords, errorCode } from '@shared/charger-words'

const searchTexts = new WeakMap<FleetCharger, string>()

/**
 * The words an installer types for a bucket: the filter's own label, and the OCPP word for it ("faulted").
 * Offline chargers keep their last OCPP status in the text too: "faulted" then also finds a charger that went
 * offline while faulted, which is what it last said.
 */
const BUCKET_WORDS: Record<Bucket, string> = {
  offline: 'offline',
  never_connected: 'never connected',
  fault: 'fault faulted',
  attention: 'attention',
  in_use: 'in use',
  ok: 'ok',
  unknown: 'unknown',
}

/**
 * The fields a search looks in: identity, reference, model, vendor, firmware, error text, and the health and
 * status in words. A `NoError` code is left out, so "error" finds only chargers that have one.
 */
function searchableFields(charger: FleetCharger): Array<string | null | undefined> {
  const error = errorCode(charger.error)
  return [
    charger.identity,
    charger.reference,
    charger.model?.vendor,
    charger.model?.name,
    charger.firmware_version,
    charger.parsed_firmware_version,
    error === null ? null : charger.error,
    charger.vendor_error_code,
    charger.error_info,
    BUCKET_WORDS[charger.facts.bucket],
    connectionInWords(charger.connection_status),
    charger.status,
    charger.facts.reason,
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
