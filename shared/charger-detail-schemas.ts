// The shapes of Plugchoice's one-charger endpoints (see ../shared/plugchoice-api.md, "One charger" and
// "Acting on chargers"): GET /chargers/{uuid} with its connectors, its OCPP log, the restart answer and bulk
// command runs. Tolerant like the list's schemas (extra fields kept, nulls accepted, unknown words kept as
// they are); `pincode` is dropped at the schema so it can never travel further than the parser.
import { z } from 'zod'
import { ChargerSchema, PageEnvelopeSchema } from './plugchoice-schemas'
import { MAX_ANSWER_ITEMS, MAX_TEXT_LENGTH } from './record-bounds'

// Bounded like every string and array of the IPC contract; the client cuts an answer to these bounds first
// (boundJson), so a long field is shortened, never a reason to refuse the answer.
const words = z.string().max(MAX_TEXT_LENGTH)
const text = words.nullable().optional()
const timestamp = words.nullable().optional()
const number = z.number().nullable().optional()

export const ConnectorSchema = z.looseObject({
  id: number,
  charger_id: number,
  /** 1, 2, …; 0 would be the charger itself. */
  connector_id: z.number().int(),
  status: text,
  error: text,
  error_info: text,
  vendor_id: text,
  vendor_error_code: text,
  max_amperage: number,
  max_voltage: number,
  standard: text,
  format: text,
  /** Documented: AC_1_PHASE, AC_3_PHASE, DC. */
  power_type: text,
  phase_rotation: text,
  created_at: timestamp,
  updated_at: timestamp,
})
export type Connector = z.infer<typeof ConnectorSchema>

/**
 * `GET /chargers/{uuid}`: the charger in `data`, its connectors beside it (the docs show them at the top level;
 * inside `data` is accepted too). The pincode is removed wherever it was.
 */
export const ChargerDetailResponseSchema = z
  .looseObject({
    data: ChargerSchema,
    connectors: z.array(ConnectorSchema).max(MAX_ANSWER_ITEMS).nullable().optional(),
  })
  .transform(({ data, connectors }) => {
    const {
      pincode: _pin,
      connectors: inner,
      ...charger
    } = data as typeof data & {
      pincode?: unknown
      connectors?: unknown
    }
    const nested = z.array(ConnectorSchema).safeParse(inner)
    const list = connectors ?? (nested.success ? nested.data : [])
    return {
      charger: ChargerSchema.parse(charger),
      connectors: [...list].sort((a, b) => a.connector_id - b.connector_id),
    }
  })
export type ChargerDetail = z.output<typeof ChargerDetailResponseSchema>

export const OCPP_LOG_STATUSES = ['pending', 'done', 'failed'] as const

export const OcppLogEntrySchema = z.looseObject({
  id: z.union([z.number(), words]),
  charger_id: number,
  /** Documented: pending, done, failed. */
  status: text,
  version: text,
  method: words,
  /** centralsystem (the charger sent it) or charger (Plugchoice sent it). */
  destination: text,
  params: z.unknown().optional(),
  result: z.unknown().optional(),
  created_at: timestamp,
  updated_at: timestamp,
})
export type OcppLogEntry = z.infer<typeof OcppLogEntrySchema>

export const OcppLogPageSchema = PageEnvelopeSchema.extend({
  data: z.array(OcppLogEntrySchema).max(MAX_ANSWER_ITEMS),
  filter_options: z
    .looseObject({ methods: z.array(words).max(MAX_ANSWER_ITEMS).nullable().optional() })
    .nullable()
    .optional(),
})
export type OcppLogPage = z.infer<typeof OcppLogPageSchema>

/** The charger's own answer to a reset ("Accepted", "Rejected", or a word we do not know). */
export const RestartResponseSchema = z.union([
  z.looseObject({ data: z.looseObject({ status: z.string() }) }).transform((wrapped) => wrapped.data),
  z.looseObject({ status: z.string() }),
])

export const BULK_COMMANDS = [
  'Reset',
  'ChangeAvailability',
  'UnlockConnector',
  'TriggerMessage',
  'ChangeConfiguration',
] as const

export const BulkCommandRequestSchema = z.object({
  command: z.enum(BULK_COMMANDS),
  data: z.record(z.string(), z.unknown()),
  charger_ids: z.array(z.string().min(1)).min(1),
})
export type BulkCommandRequest = z.infer<typeof BulkCommandRequestSchema>

export const BULK_RESULT_STATUSES = ['pending', 'sent', 'offline', 'error', 'skipped_forbidden'] as const

export const BulkResultSchema = z.looseObject({
  charger_uuid: words,
  /** Documented: pending, sent, offline, error, skipped_forbidden; anything else is shown as received. */
  status: words,
  message: text,
  executed_at: timestamp,
  charger: z.looseObject({ uuid: text, identity: text, reference: text }).nullable().optional(),
})
export type BulkResult = z.infer<typeof BulkResultSchema>

const count = z.number().int().nullable().optional()

export const BulkRunSchema = z.looseObject({
  uuid: z.string().min(1),
  command: z.string(),
  data: z.unknown().optional(),
  /** running or completed. */
  status: z.string(),
  total_count: count,
  sent_count: count,
  offline_count: count,
  error_count: count,
  skipped_count: count,
  results: z.array(BulkResultSchema).max(MAX_ANSWER_ITEMS).nullable().optional(),
})
export type BulkRun = z.infer<typeof BulkRunSchema>

export const BulkRunResponseSchema = z.looseObject({ data: BulkRunSchema }).transform((wrapped) => wrapped.data)
