// The current view as CSV. csv-stringify does the quoting; this module decides the columns and defuses
// formula injection: a cell a spreadsheet would evaluate (=, +, -, @, tab, CR, and the full-width ＝＋－＠ that
// Apple Numbers and Excel normalise) is prefixed with a quote, as OWASP recommends
// (https://owasp.org/www-community/attacks/CSV_Injection). So is every line inside a cell: a reader that
// splits rows on a lone CR or LF must still never meet a live formula.
import { stringify } from 'csv-stringify/sync'
import { BUCKET_LABELS } from '@shared/fleet-health'
import type { ExportColumn } from '@shared/app-schemas'
import type { FleetCharger } from '@shared/charger-facts'
import { connectionInWords, errorInWords, statusInWords } from '@shared/charger-words'
import { parseTime, spreadsheetTime, timeZoneName } from '@shared/format'

/** Where times in the file are written: the zone is said once, in the header of each time column. */
export interface CsvOptions {
  /** IANA zone; the system's when absent. */
  timeZone?: string
}

const TIME_COLUMNS = new Set<ExportColumn>(['last_heartbeat_at', 'last_disconnection_at'])

const HEADERS: Record<ExportColumn, string> = {
  health: 'Health',
  reason: 'Why',
  identity: 'Identity',
  reference: 'Reference',
  connection: 'Connection',
  status: 'OCPP status',
  error: 'Error',
  vendor_error_code: 'Vendor error code',
  error_info: 'Error info',
  vendor: 'Vendor',
  model: 'Model',
  current_type: 'AC/DC',
  firmware: 'Firmware',
  last_heartbeat_at: 'Last heartbeat',
  last_disconnection_at: 'Last disconnection',
  max_current: 'Max current (A)',
  uuid: 'UUID',
}

type Cell = string | number | null | undefined
const time = (value: string | null | undefined, zone: string | undefined): Cell => {
  const at = parseTime(value)
  // An unreadable timestamp is kept as received rather than lost.
  return at === null ? value : spreadsheetTime(at, zone)
}

// Words, not API codes: a spreadsheet is read by people (the export's tests pin each one).
const VALUES: Record<ExportColumn, (charger: FleetCharger, zone: string | undefined) => Cell> = {
  health: (c) => BUCKET_LABELS[c.facts.bucket],
  reason: (c) => c.facts.reason,
  identity: (c) => c.identity,
  reference: (c) => c.reference,
  connection: (c) => connectionInWords(c.connection_status),
  status: (c) => statusInWords(c.status),
  error: (c) => errorInWords(c.error),
  vendor_error_code: (c) => c.vendor_error_code,
  error_info: (c) => c.error_info,
  vendor: (c) => c.model?.vendor,
  model: (c) => c.model?.name,
  current_type: (c) => (c.model?.is_dc == null ? null : c.model.is_dc ? 'DC' : 'AC'),
  firmware: (c) => c.parsed_firmware_version ?? c.firmware_version,
  last_heartbeat_at: (c, zone) => time(c.last_heartbeat_at, zone),
  last_disconnection_at: (c, zone) => time(c.last_disconnection_at, zone),
  max_current: (c) => c.max_current,
  uuid: (c) => c.uuid,
}

// The first character of a formula, ASCII and full-width (U+FF1D ＝, U+FF0B ＋, U+FF0D －, U+FF20 ＠).
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/
const FORMULA_AFTER_BREAK = /([\r\n])(?=[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/g

export function defuseCell(value: string | number | null | undefined): string {
  if (value == null) return ''
  const text = String(value).replace(FORMULA_AFTER_BREAK, "$1'")
  return FORMULA_START.test(text) ? `'${text}` : text
}

export function fleetCsv(
  chargers: readonly FleetCharger[],
  columns: readonly ExportColumn[],
  options: CsvOptions = {},
): string {
  const zone = options.timeZone
  const header = (column: ExportColumn): string =>
    TIME_COLUMNS.has(column) ? `${HEADERS[column]} (${timeZoneName(zone)})` : HEADERS[column]
  const rows = chargers.map((charger) => columns.map((column) => defuseCell(VALUES[column](charger, zone))))
  // csv-stringify quotes a cell holding the record delimiter (CRLF here) but not one holding a lone CR or LF,
  // which Excel and LibreOffice read as the start of a new row: quote those too.
  return stringify([columns.map((column) => defuseCell(header(column))), ...rows], {
    bom: true,
    record_delimiter: 'windows',
    quoted_match: /[\r\n]/,
  })
}

export function exportFileName(now: Date): string {
  const stamp = now.toISOString().slice(0, 16).replace('T', '-').replace(':', '')
  return `plugchoice-fleet-${stamp}.csv`
}
