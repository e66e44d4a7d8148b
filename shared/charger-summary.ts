// The sentence a charger's detail panel opens with: what it is, for how long, and what it last said
// ("Offline for 17 h, since 00:14. Last status: Available."). Built from the derived facts (charger-facts.ts),
// never a second derivation of them; times and durations from format.ts.
import type { FleetCharger } from './charger-facts'
import { connectionInWords, errorCode } from './charger-words'
import { BUCKET_LABELS } from './fleet-health'
import { formatDuration, parseTime, type Format } from './format'

export function chargerSummary(charger: FleetCharger, now: number, format: Format): string {
  const { bucket } = charger.facts
  const since = parseTime(charger.facts.since)
  const label = BUCKET_LABELS[bucket]
  const lasting =
    since === null || since > now
      ? bucket === 'never_connected'
        ? `${label}.`
        : `${label}; when it began is not known.`
      : bucket === 'never_connected'
        ? `${label}; added ${format.clock(since, now)}.`
        : `${label} for ${formatDuration(now - since)}, since ${format.clock(since, now)}.`
  return [lasting, stateSentence(charger)].filter(Boolean).join(' ')
}

/** What the charger says: its status (the last one it sent, when offline) and an error code beside it. */
function stateSentence(charger: FleetCharger): string | null {
  const offline = charger.facts.bucket === 'offline'
  const status = charger.status?.trim()
  const error = errorCode(charger.error)
  const connection = connectionInWords(charger.connection_status)
  const parts: string[] = []
  if (status) parts.push(`${offline ? 'Last status' : 'Status'}: ${status}${error ? `, error ${error}` : ''}.`)
  else if (error) parts.push(`${offline ? 'Last error' : 'Error'}: ${error}.`)
  const known = ['online', 'offline', 'never_seen']
  if (connection && !known.includes(charger.connection_status ?? '')) parts.push(`Connection: ${connection}.`)
  return parts.length ? parts.join(' ') : null
}
