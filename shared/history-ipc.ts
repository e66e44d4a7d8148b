// The schemas of the history's IPC commands (issue 11); their names are in ipc-channels.ts, and
// ipc-contract.ts spreads these into the contract.
import { z } from 'zod'
import { ExportResultSchema } from './app-schemas'
import type { HistoryCommandName } from './ipc-channels'
import { MAX_FLEET_SIZE } from './record-bounds'
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
  'history:flapping': { request: NoRequest, response: z.array(FlappingSchema).max(MAX_FLEET_SIZE) },
  'history:export-events': { request: HistoryPeriodSchema, response: ExportResultSchema },
  'history:export-uptime': { request: HistoryPeriodSchema, response: ExportResultSchema },
} as const satisfies Record<HistoryCommandName, { request: z.ZodType; response: z.ZodType }>
