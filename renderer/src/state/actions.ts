// User actions that talk to main and report their outcome as a toast: shared by the header, the empty
// states and the detail panel.
import type { ExportColumn, ExportResult } from '@shared/app-schemas'
import { PLUGCHOICE_WEB_HOST } from '@shared/plugchoice-web'
import { api } from '../lib/api'
import { saveDownload } from '../lib/download'
import { systemFormat } from '@shared/format'
import { toasts } from './toasts.svelte'

export async function refresh(): Promise<void> {
  // The answer's status is not applied: fleet:status events report the sync, in order, and this answer may
  // arrive after them (it travels on another connection in the web preview).
  const result = await api.invoke['fleet:refresh'](undefined)
  if (!result.ok) toasts.show(result.error.message, 'error')
}

type Answer = { ok: true; data: ExportResult } | { ok: false; error: { message: string } }

/** One save path for every CSV: the desktop app's save dialog, or a download in the web preview. */
function reportExport(result: Answer, noun: string): void {
  if (!result.ok) {
    toasts.show(`Export failed: ${result.error.message}`, 'error')
    return
  }
  const outcome = result.data
  if (outcome.status === 'saved') toasts.show(`Saved ${systemFormat().count(outcome.rows, noun)} to ${outcome.path}`)
  else if (outcome.status === 'download') {
    saveDownload(outcome.fileName, outcome.csv, 'text/csv;charset=utf-8')
    toasts.show(`Exported ${systemFormat().count(outcome.rows, noun)} as ${outcome.fileName}`)
  }
}

export async function exportCsv(uuids: readonly string[], columns: ExportColumn[]): Promise<void> {
  reportExport(await api.invoke['fleet:export-csv']({ uuids: [...uuids], columns }), 'charger')
}

/** The Activity's exports: the events of a period, or every charger's uptime over it. */
export async function exportHistory(what: 'events' | 'uptime', period: { from: Date; to: Date }): Promise<void> {
  const request = { from: period.from.toISOString(), to: period.to.toISOString() }
  if (what === 'events') reportExport(await api.invoke['history:export-events'](request), 'event')
  else reportExport(await api.invoke['history:export-uptime'](request), 'charger')
}

function isPlugchoicePage(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' && parsed.host === PLUGCHOICE_WEB_HOST
  } catch {
    return false
  }
}

export async function openInPlugchoice(uuid: string): Promise<void> {
  const result = await api.invoke['charger:open-in-plugchoice']({ uuid })
  if (!result.ok) {
    toasts.show(result.error.message, 'error')
    return
  }
  // The desktop app opened it in the system browser; the web preview opens it here, and only a Plugchoice page.
  if (!result.data.opened) {
    if (isPlugchoicePage(result.data.url)) window.open(result.data.url, '_blank', 'noopener,noreferrer')
    else toasts.show('That link does not lead to Plugchoice; it was not opened.', 'error')
  }
}

export async function copyText(text: string, what: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text)
    toasts.show(`Copied ${what}`)
  } catch {
    toasts.show(`Could not copy ${what}: the clipboard is not available.`, 'error')
  }
}
