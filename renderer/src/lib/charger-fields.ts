// What the detail panel lists for one charger: every field the API gave, grouped for people, with the fields
// this app does not know (the API grows) kept in a last group rather than dropped. Values stay plain text.
import type { Charger } from '@shared/plugchoice-schemas'

/** connection and error are text written in words ("Offline", "No error") by the panel. */
export type FieldKind = 'text' | 'timestamp' | 'flag' | 'number' | 'connection' | 'error'

export interface DetailField {
  /** The API's own name for it (dot path), so a person can match it with the docs or support. */
  key: string
  label: string
  kind: FieldKind
  /** What the charger last reported, not confirmed now (it is offline, or the list is not live). */
  lastKnown: boolean
  /** The value as received: text for text, the raw ISO string for timestamps. Null when the API sent none. */
  value: string | number | boolean | null
}

export interface DetailSection {
  title: string
  fields: DetailField[]
}

interface FieldSpec {
  key: string
  label: string
  kind: FieldKind
  /** Reported by the charger itself: only as current as its connection. */
  reported?: boolean
}

const f = (key: string, label: string, kind: FieldKind = 'text'): FieldSpec => ({ key, label, kind })
const r = (key: string, label: string, kind: FieldKind = 'text'): FieldSpec => ({ key, label, kind, reported: true })

const SECTIONS: ReadonlyArray<{ title: string; fields: readonly FieldSpec[] }> = [
  {
    title: 'Charger',
    fields: [f('identity', 'Identity'), f('reference', 'Reference'), f('uuid', 'UUID'), f('id', 'ID', 'number')],
  },
  {
    title: 'State',
    fields: [
      f('connection_status', 'Connection', 'connection'),
      r('status', 'OCPP status'),
      r('error', 'Error', 'error'),
      r('vendor_id', 'Vendor ID'),
      r('vendor_error_code', 'Vendor error code'),
      r('error_info', 'Error info'),
      f('blocked', 'Blocked', 'flag'),
      f('setup_pending', 'Setup pending', 'flag'),
      f('setup_completed', 'Setup completed', 'flag'),
    ],
  },
  {
    title: 'Hardware',
    fields: [
      f('model.vendor', 'Vendor'),
      f('model.name', 'Model'),
      f('model.is_dc', 'DC charger', 'flag'),
      f('model_id', 'Model ID', 'number'),
      f('max_current', 'Max current (A)', 'number'),
      f('firmware_version', 'Firmware'),
      f('parsed_firmware_version', 'Firmware (normalised)'),
    ],
  },
  {
    title: 'Connection',
    fields: [
      f('server', 'OCPP server'),
      f('last_connection_at', 'Last connection', 'timestamp'),
      f('last_disconnection_at', 'Last disconnection', 'timestamp'),
      f('last_heartbeat_at', 'Last heartbeat', 'timestamp'),
    ],
  },
  {
    title: 'Licenses',
    fields: [f('licenses.smart', 'Smart', 'flag'), f('licenses.pro', 'Pro', 'flag')],
  },
  {
    title: 'Permissions of this token',
    fields: [
      f('permissions.basic', 'Basic', 'flag'),
      f('permissions.sensitive', 'Sensitive', 'flag'),
      f('permissions.full', 'Full', 'flag'),
    ],
  },
  {
    title: 'Record',
    fields: [f('created_at', 'Created', 'timestamp'), f('updated_at', 'Updated', 'timestamp')],
  },
]

/** Objects whose own unknown members are listed under their dot path rather than as one blob. */
const NESTED = new Set(['model', 'licenses', 'permissions'])
/** What the app derived and sent along (charger-facts.ts): shown at the panel's top, not as a Plugchoice field. */
const DERIVED = new Set(['facts'])

function valueAt(charger: Record<string, unknown>, path: string): unknown {
  let value: unknown = charger
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<string, unknown>)[part]
  }
  return value
}

/** A field of the right kind as is; anything else (a number where text was expected, an object) as JSON text. */
function normalise(value: unknown, kind: FieldKind): DetailField['value'] {
  if (value === null || value === undefined) return null
  if (kind === 'flag' && typeof value === 'boolean') return value
  if (kind === 'number' && typeof value === 'number') return value
  if (kind !== 'flag' && kind !== 'number' && typeof value === 'string') return value
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/**
 * `lastKnown`: the charger's own reports are not current (it is offline, or the list is not live); those
 * fields say so in their label.
 */
export function detailSections(charger: Charger, options: { lastKnown?: boolean } = {}): DetailSection[] {
  const record = charger as Record<string, unknown>
  const known = new Set<string>()
  const sections: DetailSection[] = SECTIONS.map((section) => ({
    title: section.title,
    fields: section.fields.map(({ reported, ...spec }) => {
      known.add(spec.key)
      const lastKnown = reported === true && options.lastKnown === true
      return {
        ...spec,
        label: lastKnown ? `${spec.label} (last known)` : spec.label,
        lastKnown,
        value: normalise(valueAt(record, spec.key), spec.kind),
      }
    }),
  }))

  const extra: DetailField[] = []
  for (const [key, value] of Object.entries(record)) {
    if (NESTED.has(key) && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [inner, innerValue] of Object.entries(value as Record<string, unknown>)) {
        const path = `${key}.${inner}`
        if (!known.has(path))
          extra.push({ key: path, label: path, kind: 'text', lastKnown: false, value: normalise(innerValue, 'text') })
      }
    } else if (!known.has(key) && !NESTED.has(key) && !DERIVED.has(key)) {
      extra.push({ key, label: key, kind: 'text', lastKnown: false, value: normalise(value, 'text') })
    }
  }
  if (extra.length) sections.push({ title: 'Other fields from Plugchoice', fields: extra })
  return sections
}
