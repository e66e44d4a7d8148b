// Plugchoice's codes in the words a person reads: "Offline" for `offline`, no bare `NoError`. One home, so the
// row, the detail panel and the search say the same thing. Values this app does not know are kept as received.

const CONNECTION_WORDS: Readonly<Record<string, string>> = {
  online: 'Online',
  offline: 'Offline',
  never_seen: 'Never connected',
}

/** "Online", "Offline", "Never connected"; an unknown state as received; null when none was sent. */
export function connectionWord(status: string | null | undefined): string | null {
  const value = status?.trim()
  if (!value) return null
  return CONNECTION_WORDS[value] ?? value
}

const NO_ERROR = new Set(['', 'NoError'])

/** The OCPP error code worth showing, or null for none (`NoError` is the absence of one). */
export function errorWord(error: string | null | undefined): string | null {
  const value = error?.trim() ?? ''
  return NO_ERROR.has(value) ? null : value
}
