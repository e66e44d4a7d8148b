// The main-process side of the history's IPC commands, for the app's command table:
//   handlers = { ...appHandlers, ...historyHandlers({ history, ports, settings: () => this.settings }) }
// Requests arrive validated by the dispatcher (shared/history-ipc.ts); failures are AppErrors.
import type { Settings } from '@shared/app-schemas'
import type { historyCommands } from '@shared/history-ipc'
import type { HistoryCommandName } from '@shared/ipc-channels'
import type { z } from 'zod'
import { AppError } from '../core/app-error'
import type { DesktopPorts } from '../core/desktop-ports'
import type { FleetHistory } from './fleet-history'
import { eventsCsv, historyExportName, uptimeCsv } from './history-csv'

type Spec = typeof historyCommands
export type HistoryHandlers = {
  [C in HistoryCommandName]: (request: z.output<Spec[C]['request']>) => Promise<z.output<Spec[C]['response']>>
}

export interface HistoryHandlerDeps {
  history: FleetHistory
  ports: Pick<DesktopPorts, 'saveExport'>
  settings: () => Pick<Settings, 'flappingCount' | 'flappingWindowMin'>
  now?: () => number
}

function period(request: { from: string; to: string }): { from: number; to: number } {
  const from = Date.parse(request.from)
  const to = Date.parse(request.to)
  if (!(to > from)) throw new AppError('invalid-period', 'The end of the period must come after its start.')
  return { from, to }
}

export function historyHandlers(deps: HistoryHandlerDeps): HistoryHandlers {
  const { history, ports } = deps
  const now = deps.now ?? Date.now
  return {
    'history:status': async () => history.status(),
    'history:charger': async ({ uuid }) => history.chargerHistory(uuid),
    'history:activity': async (query) => history.activity(query),
    'history:since-last-looked': async () => history.sinceLastLooked(),
    'history:mark-seen': async () => {
      history.markSeen()
      return history.sinceLastLooked()
    },
    'history:fleet-series': async ({ period: which }) => history.fleetSeries(which),
    'history:flapping': async () => {
      const { flappingCount, flappingWindowMin } = deps.settings()
      return history.flapping(flappingWindowMin * 60_000, flappingCount)
    },
    'history:export-events': async (request) => {
      const { from, to } = period(request)
      const events = history.eventsBetween(from, to)
      return ports.saveExport(historyExportName('events', new Date(now())), eventsCsv(events), events.length)
    },
    'history:export-uptime': async (request) => {
      const { from, to } = period(request)
      const rows = history.uptimeAll(from, to)
      const csv = uptimeCsv(rows, Math.floor((to - from) / 1000))
      return ports.saveExport(historyExportName('uptime', new Date(now())), csv, rows.length)
    },
  }
}
