// History in words, one home for the tray menu, the Activity view and the detail panel:
// "Since you last looked: 3 went offline, 2 came back", "Uptime 7 d: 98.2 %".
import { EVENT_WORDS, HISTORY_EVENT_KINDS, type SinceLastLooked, type Uptime } from './history-schemas'

/** The tray's line; null when nothing happened since the user last looked. */
export function sinceLastLookedLine(since: SinceLastLooked): string | null {
  if (since.total === 0) return null
  const parts = HISTORY_EVENT_KINDS.filter((kind) => since.counts[kind] > 0).map(
    (kind) => `${since.counts[kind]} ${EVENT_WORDS[kind]}`,
  )
  return `Since you last looked: ${parts.join(', ')}`
}

/** A recorded action in words: "restart sent — Accepted". */
export function actionLine(action: string, answer: string | null | undefined): string {
  return answer ? `${action} sent — ${answer}` : `${action} sent`
}

/** "Uptime 7 d: 98.2 %", or "Uptime 7 d: not watched" when nothing of the period is known. */
export function uptimeLine(label: string, uptime: Uptime): string {
  if (uptime.ratio === null) return `Uptime ${label}: not watched`
  return `Uptime ${label}: ${(Math.floor(uptime.ratio * 1000) / 10).toFixed(1)} %`
}
