// Plugchoice's and OCPP's codes as people read them ("never_seen" → "Never connected", "SuspendedEV" →
// "Suspended by the EV", "GroundFailure" → "Ground failure"), for the CSV export and anything else that
// writes a charger's fields out in words. A code this file does not know is shown as received, never dropped.

const CONNECTION: Record<string, string> = {
  online: 'Online',
  offline: 'Offline',
  never_seen: 'Never connected',
}

const STATUS: Record<string, string> = {
  SuspendedEV: 'Suspended by the EV',
  SuspendedEVSE: 'Suspended by the charger',
}

/** "GroundFailure" → "Ground failure", "EVCommunicationError" → "EV communication error". */
export function codeInWords(code: string): string {
  const words = code
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_]+/)
    .filter(Boolean)
  return words.map((word, i) => (i === 0 || /^[A-Z\d]{2,}$/.test(word) ? word : word.toLowerCase())).join(' ')
}

export function connectionInWords(value: string | null | undefined): string | null {
  if (value == null || value.trim() === '') return null
  return CONNECTION[value] ?? value
}

export function statusInWords(value: string | null | undefined): string | null {
  if (value == null || value.trim() === '') return null
  return STATUS[value] ?? codeInWords(value)
}

/** The OCPP error code as received (what search and reasons quote), or null: "NoError" is the absence of one. */
export function errorCode(value: string | null | undefined): string | null {
  const code = value?.trim() ?? ''
  return code === '' || code === 'NoError' ? null : code
}

/** The OCPP error code in words; "NoError" is the absence of an error, so it reads as nothing. */
export function errorInWords(value: string | null | undefined): string | null {
  const code = errorCode(value)
  return code === null ? null : codeInWords(code)
}
