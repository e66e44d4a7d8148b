// The columns of the fleet list: what each is called, how it sorts and which CSV columns it exports.
// Display lives in the Svelte row; everything here is plain data so sorting and export are unit-tested.
import { BUCKETS } from '@shared/fleet-health'
import { errorCode as errorCodeOf } from '@shared/charger-words'
import type { ExportColumn } from '@shared/app-schemas'
import type { FleetCharger } from '@shared/charger-facts'
import { parseTime } from '@shared/format'
import { identityKey, urgencyKey, type SortKey } from '@shared/fleet-order'

export const COLUMN_IDS = [
  'health',
  'identity',
  'reference',
  'connection',
  'status',
  'error',
  'model',
  'firmware',
  'heartbeat',
  'max_current',
] as const
export type ColumnId = (typeof COLUMN_IDS)[number]

export type { SortKey } from '@shared/fleet-order'

export interface ColumnDef {
  id: ColumnId
  label: string
  /** Identity names the row: hiding it would leave rows nobody can tell apart. */
  hideable: boolean
  /** The value the column sorts by; null sorts last in both directions. */
  sortKey: (charger: FleetCharger) => SortKey
  /** Keys for ties, in order, always ascending (e.g. within a health bucket: the most urgent, then by name). */
  tieKeys?: ReadonlyArray<(charger: FleetCharger) => SortKey>
  /** What this column contributes to a CSV export of the view, in order. */
  exports: readonly ExportColumn[]
}

const text = (value: string | null | undefined): string | null => (value == null || value.trim() === '' ? null : value)

export function modelText(charger: FleetCharger): string | null {
  const parts = [charger.model?.vendor, charger.model?.name].map(text).filter((part) => part !== null)
  return parts.length ? parts.join(' ') : null
}

export function firmwareText(charger: FleetCharger): string | null {
  // The normalised version first, as the CSV export does: it sorts and compares better than the raw one.
  return text(charger.parsed_firmware_version) ?? text(charger.firmware_version)
}

/** The error code worth showing: "NoError" is the absence of one. */
export function errorCode(charger: FleetCharger): string | null {
  return errorCodeOf(charger.error)
}

export function currentType(charger: FleetCharger): 'AC' | 'DC' | null {
  const isDc = charger.model?.is_dc
  return isDc == null ? null : isDc ? 'DC' : 'AC'
}

export const COLUMNS: readonly ColumnDef[] = [
  {
    id: 'health',
    label: 'Health',
    hideable: true,
    sortKey: (charger) => BUCKETS.indexOf(charger.facts.bucket),
    // One name for the last tie, the identity every charger has: a mix with the reference sorted neither way.
    tieKeys: [urgencyKey, identityKey],
    exports: ['health', 'reason'],
  },
  { id: 'identity', label: 'Identity', hideable: false, sortKey: (c) => text(c.identity), exports: ['identity'] },
  { id: 'reference', label: 'Reference', hideable: true, sortKey: (c) => text(c.reference), exports: ['reference'] },
  {
    id: 'connection',
    label: 'Connection',
    hideable: true,
    sortKey: (c) => text(c.connection_status),
    tieKeys: [(c) => parseTime(c.last_disconnection_at)],
    exports: ['connection', 'last_disconnection_at'],
  },
  { id: 'status', label: 'OCPP status', hideable: true, sortKey: (c) => text(c.status), exports: ['status'] },
  {
    id: 'error',
    label: 'Error',
    hideable: true,
    sortKey: errorCode,
    tieKeys: [(c) => text(c.vendor_error_code)],
    exports: ['error', 'vendor_error_code', 'error_info'],
  },
  { id: 'model', label: 'Model', hideable: true, sortKey: modelText, exports: ['vendor', 'model', 'current_type'] },
  { id: 'firmware', label: 'Firmware', hideable: true, sortKey: firmwareText, exports: ['firmware'] },
  {
    id: 'heartbeat',
    label: 'Last heartbeat',
    hideable: true,
    sortKey: (c) => parseTime(c.last_heartbeat_at),
    exports: ['last_heartbeat_at'],
  },
  {
    id: 'max_current',
    label: 'Max current',
    hideable: true,
    sortKey: (c) => c.max_current ?? null,
    exports: ['max_current'],
  },
]

export const COLUMN_BY_ID: Readonly<Record<ColumnId, ColumnDef>> = Object.fromEntries(
  COLUMNS.map((column) => [column.id, column]),
) as Record<ColumnId, ColumnDef>

export function isColumnId(value: string): value is ColumnId {
  return (COLUMN_IDS as readonly string[]).includes(value)
}

/** The columns shown, in their fixed order; unknown names in the setting are ignored, identity always stays. */
export function visibleColumns(hidden: readonly string[]): ColumnDef[] {
  const hide = new Set(hidden)
  return COLUMNS.filter((column) => !column.hideable || !hide.has(column.id))
}

/** The CSV columns for an export of the view: those of the visible columns, then the uuid as a stable key. */
export function exportColumnsFor(columns: readonly ColumnDef[]): ExportColumn[] {
  const out: ExportColumn[] = []
  for (const column of columns) for (const name of column.exports) if (!out.includes(name)) out.push(name)
  if (!out.includes('uuid')) out.push('uuid')
  return out
}
