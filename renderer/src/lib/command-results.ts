// A bulk run's per-charger outcomes in words and as CSV (the export of the "Command results" region).
import type { BulkRunView } from '@shared/charger-actions-schemas'
import type { BulkResult } from '@shared/charger-detail-schemas'
import type { Charger } from '@shared/plugchoice-schemas'

export const RESULT_WORDS: Record<string, string> = {
  pending: 'Waiting',
  sent: 'Sent',
  offline: 'Offline: not sent',
  error: 'Error',
  skipped_forbidden: 'Skipped: not allowed',
}

export function resultWord(status: string): string {
  return RESULT_WORDS[status] ?? status
}

/** The charger's name from the result, else from the list, else its uuid. */
export function resultName(result: BulkResult, byUuid: ReadonlyMap<string, Charger>): string {
  const known = byUuid.get(result.charger_uuid)
  return result.charger?.identity ?? known?.identity ?? result.charger_uuid
}

export function doneCount(run: BulkRunView): number {
  return run.results.filter((r) => r.status !== 'pending').length
}

/** One cell: quoted when needed, and a leading = + - @ defused so a spreadsheet does not run it as a formula. */
function cell(value: string | null | undefined): string {
  let text = value ?? ''
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function resultsCsv(run: BulkRunView, byUuid: ReadonlyMap<string, Charger>): string {
  const rows = [['identity', 'reference', 'uuid', 'outcome', 'message', 'executed_at']]
  for (const result of run.results) {
    const known = byUuid.get(result.charger_uuid)
    rows.push([
      resultName(result, byUuid),
      result.charger?.reference ?? known?.reference ?? '',
      result.charger_uuid,
      result.status,
      result.message ?? '',
      result.executed_at ?? '',
    ])
  }
  return `${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`
}
