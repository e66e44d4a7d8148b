// An OCPP log entry in words: who sent it, and for the messages an installer reads first (StatusNotification,
// BootNotification) their fields read out. Everything here is text: the panel never renders it as HTML.
import type { OcppLogEntry } from '@shared/charger-detail-schemas'

export interface ReadOut {
  label: string
  value: string
}

function field(params: unknown, key: string): string | null {
  if (!params || typeof params !== 'object') return null
  const value = (params as Record<string, unknown>)[key]
  if (value === null || value === undefined || value === '') return null
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/** "From the charger" (to Plugchoice) or "To the charger" (sent by Plugchoice), or the raw word. */
export function directionText(entry: OcppLogEntry): string {
  if (entry.destination === 'centralsystem') return 'from charger'
  if (entry.destination === 'charger') return 'to charger'
  return entry.destination ?? '—'
}

export function isFailed(entry: OcppLogEntry): boolean {
  return entry.status === 'failed'
}

/** The fields worth a glance: connector, status, error, vendor code and info; vendor, model and firmware. */
export function readOut(entry: OcppLogEntry): ReadOut[] {
  const pairs: [string, string | null][] =
    entry.method === 'StatusNotification'
      ? [
          ['Connector', field(entry.params, 'connectorId')],
          ['Status', field(entry.params, 'status')],
          ['Error', field(entry.params, 'errorCode')],
          ['Vendor code', field(entry.params, 'vendorErrorCode')],
          ['Info', field(entry.params, 'info')],
        ]
      : entry.method === 'BootNotification'
        ? [
            ['Vendor', field(entry.params, 'chargePointVendor')],
            ['Model', field(entry.params, 'chargePointModel')],
            ['Firmware', field(entry.params, 'firmwareVersion')],
          ]
        : []
  return pairs.filter((pair): pair is [string, string] => pair[1] !== null).map(([label, value]) => ({ label, value }))
}

/** Params or result as indented JSON text (or as received when it is not JSON-shaped). */
export function payloadText(value: unknown): string {
  if (value === undefined) return '(none)'
  if (typeof value === 'string') return value
  try {
    return JSON.stringify(value, null, 2)
  } catch {
    return '(not readable as text)'
  }
}
