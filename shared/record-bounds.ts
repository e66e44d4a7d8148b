// How much of the API's data the app keeps. A record is data from another party: every string is cut to a
// length the window, tray and cache can carry, and an unknown extra field bigger than a few KB is dropped,
// so one odd record can never become a 2 MB cache entry and IPC message. Applied to each record before its
// schema; the limits are also the bounds of the IPC contract.

/** uuids and other identifiers. */
export const MAX_ID_LENGTH = 100
/** Any text field of a record (reference, error_info, …): longer is cut, with an ellipsis. */
export const MAX_TEXT_LENGTH = 1000
/** One unknown extra field, as JSON: bigger ones are dropped. */
export const MAX_EXTRA_FIELD_BYTES = 4096
/** All unknown extra fields of a record together, as JSON: fields past this are dropped. */
export const MAX_EXTRA_BYTES = 16 * 1024
/** A page of the charger list holding more records than this is refused (Plugchoice sends 25). */
export const MAX_PAGE_RECORDS = 1000
/** The most chargers a fleet may hold (cache, IPC, export). */
export const MAX_FLEET_SIZE = 100_000

const ELLIPSIS = '…'

/** How deep a one-charger answer (an OCPP message's params: MeterValues nest four levels) is kept. */
const MAX_JSON_DEPTH = 8
/** The most items of any array in a one-charger answer (a bulk run's results are one per charger). */
export const MAX_ANSWER_ITEMS = 10_000

/** `text` cut to `max` characters (an ellipsis marks the cut), never splitting a surrogate pair. */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text
  let end = max - ELLIPSIS.length
  const last = text.charCodeAt(end - 1)
  if (last >= 0xd800 && last <= 0xdbff) end -= 1
  return text.slice(0, end) + ELLIPSIS
}

const MAX_NESTED_ITEMS = 100
const MAX_DEPTH = 4

/** Strings cut to MAX_TEXT_LENGTH, inside nested objects and arrays too (model, permissions), which are cut too. */
function capStrings(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return capText(value, MAX_TEXT_LENGTH)
  if (value === null || typeof value !== 'object') return value
  if (depth >= MAX_DEPTH) return null
  if (Array.isArray(value)) return value.slice(0, MAX_NESTED_ITEMS).map((item) => capStrings(item, depth + 1))
  return Object.fromEntries(
    Object.entries(value)
      .slice(0, MAX_NESTED_ITEMS)
      .map(([key, item]) => [capText(key, MAX_ID_LENGTH), capStrings(item, depth + 1)]),
  )
}

/**
 * A record with its known fields' strings capped and its unknown fields bounded in size. `known` are the
 * field names of the record's schema. Anything that is not an object is returned as it is, for the schema
 * to refuse with its own message.
 */
export function boundRecord(record: unknown, known: ReadonlySet<string>): unknown {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return record
  const out: Record<string, unknown> = {}
  let extraBytes = 0
  for (const [key, value] of Object.entries(record)) {
    if (known.has(key)) {
      out[key] = capStrings(value, 0)
      continue
    }
    if (key.length > MAX_ID_LENGTH) continue
    const size = JSON.stringify(value)?.length ?? 0
    if (size > MAX_EXTRA_FIELD_BYTES || extraBytes + size > MAX_EXTRA_BYTES) continue
    extraBytes += size
    out[key] = value
  }
  return out
}

/**
 * Any other answer from Plugchoice (one charger, its log, a command run) bounded before its schema: strings cut
 * to MAX_TEXT_LENGTH, arrays to MAX_ANSWER_ITEMS, nesting past MAX_JSON_DEPTH dropped (null).
 */
export function boundJson(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return capText(value, MAX_TEXT_LENGTH)
  if (value === null || typeof value !== 'object') return value
  if (depth >= MAX_JSON_DEPTH) return null
  if (Array.isArray(value)) return value.slice(0, MAX_ANSWER_ITEMS).map((item) => boundJson(item, depth + 1))
  const out: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    if (key.length <= MAX_ID_LENGTH) out[key] = boundJson(item, depth + 1)
  }
  return out
}
