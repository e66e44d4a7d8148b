// History as CSV, through the same save path as the fleet export: the events of a period, and an uptime
// report per charger. Cells are defused against formula injection like the fleet export's.
import { stringify } from 'csv-stringify/sync'
import { BUCKET_LABELS, type Bucket } from '@shared/fleet-health'
import { EVENT_WORDS, type HistoryEvent } from '@shared/history-schemas'
import { actionLine } from '@shared/history-words'
import { defuseCell } from '../core/csv-export'
import type { ChargerUptime } from './history-queries'

const bucketWord = (bucket: Bucket | null) => (bucket ? BUCKET_LABELS[bucket] : '')
const hours = (sec: number) => (sec / 3600).toFixed(2)
const csv = (rows: (string | number | null)[][]) =>
  stringify(
    rows.map((row) => row.map((cell) => defuseCell(cell))),
    { bom: true, record_delimiter: 'windows' },
  )

export function eventWords(event: Pick<HistoryEvent, 'kind' | 'to' | 'action' | 'answer'>): string {
  if (event.kind === 'action') return actionLine(event.action ?? EVENT_WORDS.action, event.answer)
  return event.kind === 'changed' ? `changed to ${bucketWord(event.to)}` : EVENT_WORDS[event.kind]
}

export function eventsCsv(events: readonly HistoryEvent[]): string {
  return csv([
    [
      'Happened',
      'Observed',
      'Charger',
      'Event',
      'From',
      'To',
      'Status before',
      'Status after',
      'Error before',
      'Error after',
      'Error info',
      'UUID',
    ],
    ...events.map((e) => [
      e.at,
      e.observedAt,
      e.label,
      eventWords(e),
      bucketWord(e.from),
      bucketWord(e.to),
      e.statusBefore,
      e.statusAfter,
      e.errorBefore,
      e.errorAfter,
      e.errorInfo,
      e.uuid,
    ]),
  ])
}

/** One row per charger: uptime over the time known, and how much of the period was not watched. */
export function uptimeCsv(rows: readonly ChargerUptime[], periodSec: number): string {
  const sorted = [...rows].sort((a, b) => a.label.localeCompare(b.label))
  return csv([
    ['Charger', 'Uptime %', 'Up (h)', 'Known (h)', 'Not watched (h)', 'Longest outage (h)', 'UUID'],
    ...sorted.map((r) => [
      r.label,
      r.knownSec > 0 ? ((100 * r.upSec) / r.knownSec).toFixed(1) : '',
      hours(r.upSec),
      hours(r.knownSec),
      hours(Math.max(0, periodSec - r.knownSec)),
      hours(r.longestOutageSec),
      r.uuid,
    ]),
  ])
}

export function historyExportName(kind: 'events' | 'uptime', now: Date): string {
  const stamp = now.toISOString().slice(0, 16).replace('T', '-').replace(':', '')
  return `plugchoice-${kind}-${stamp}.csv`
}
