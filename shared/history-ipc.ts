// The history's IPC commands (issue 11), kept beside the contract so the app can spread them into it:
//   COMMANDS = [...COMMANDS, ...HISTORY_COMMANDS] in ipc-channels.ts, `...historyCommands` in ipc-contract.ts.
// No dependency but zod and the history's schemas.
import { z } from 'zod'
import { ExportResultSchema } from './app-schemas'
import {
  ActivityPageSchema,
  ActivityQuerySchema,
  ChargerHistorySchema,
  FleetSeriesSchema,
  FlappingSchema,
  HistoryPeriodSchema,
  HistoryStatusSchema,
  SERIES_PERIODS,
  SinceLastLookedSchema,
} from './history-schemas'

export const HISTORY_COMMANDS = [
  'history:status',
  'history:charger',
  'history:activity',
  'history:since-last-looked',
  'history:mark-seen',
  'history:fleet-series',
  'history:flapping',
  'history:export-events',
  'history:export-uptime',
] as const
export type HistoryCommandName = (typeof HISTORY_COMMANDS)[number]

const NoRequest = z.undefined()

export const historyCommands = {
  'history:status': { request: NoRequest, response: HistoryStatusSchema },
  /** null: the history has no record of this charger. */
  'history:charger': {
    request: z.object({ uuid: z.string().min(1).max(200) }).strict(),
    response: ChargerHistorySchema.nullable(),
  },
  'history:activity': { request: ActivityQuerySchema, response: ActivityPageSchema },
  'history:since-last-looked': { request: NoRequest, response: SinceLastLookedSchema },
  'history:mark-seen': { request: NoRequest, response: SinceLastLookedSchema },
  'history:fleet-series': {
    request: z.object({ period: z.enum(SERIES_PERIODS) }).strict(),
    response: FleetSeriesSchema,
  },
  /** The chargers flapping now, by the flapping settings. */
  'history:flapping': { request: NoRequest, response: z.array(FlappingSchema) },
  'history:export-events': { request: HistoryPeriodSchema, response: ExportResultSchema },
  'history:export-uptime': { request: HistoryPeriodSchema, response: ExportResultSchema },
} as const satisfies Record<HistoryCommandName, { request: z.ZodType; response: z.ZodType }>
