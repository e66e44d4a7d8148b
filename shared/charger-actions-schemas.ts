// What the window asks of main about one charger (its detail, its OCPP log, a restart) and about a selection
// (a bulk command), and what it gets back. Types come from these schemas only.
import { z } from 'zod'
import { AppErrorSchema } from './app-schemas'
import { BulkResultSchema, ConnectorSchema, OcppLogEntrySchema } from './charger-detail-schemas'
import { ChargerSchema } from './plugchoice-schemas'
import { MAX_ANSWER_ITEMS, MAX_TEXT_LENGTH } from './record-bounds'

const uuid = z.string().min(1).max(200)
const words = z.string().max(MAX_TEXT_LENGTH)
const isoTime = z.string().max(64)

/** More than this many chargers in one command is refused: a slip of "select all" should not reset a fleet. */
export const MAX_BULK_SELECTION = 250

export const DetailRequestSchema = z.object({ uuid, refresh: z.boolean().optional() }).strict()

/** A read that came from Plugchoice now, or from the cache (with why the fresh read failed). */
const Freshness = {
  /** When Plugchoice sent what is shown. */
  loadedAt: isoTime,
  fromCache: z.boolean(),
  /** Why a refresh failed when what is shown comes from the cache. */
  error: AppErrorSchema.nullable(),
}

export const ChargerDetailViewSchema = z.object({
  uuid,
  charger: ChargerSchema,
  connectors: z.array(ConnectorSchema).max(MAX_ANSWER_ITEMS),
  ...Freshness,
})
export type ChargerDetailView = z.infer<typeof ChargerDetailViewSchema>

export const LogRequestSchema = z
  .object({
    uuid,
    /** The page to add to what is shown ("Load more"); absent reads the first page. */
    page: z.number().int().min(1).max(10_000).optional(),
    method: z.string().max(100).regex(/^\w*$/).optional(),
    refresh: z.boolean().optional(),
  })
  .strict()
export type LogRequest = z.infer<typeof LogRequestSchema>

export const LogViewSchema = z.object({
  uuid,
  method: words.nullable(),
  entries: z.array(OcppLogEntrySchema).max(MAX_ANSWER_ITEMS),
  /** Methods Plugchoice offers as a filter for this charger. */
  methods: z.array(words).max(MAX_ANSWER_ITEMS),
  nextPage: z.number().int().nullable(),
  ...Freshness,
})
export type LogView = z.infer<typeof LogViewSchema>

/** `confirmed` is the renderer's statement that a person pressed the dialog's button; main still checks the rest. */
export const RestartRequestSchema = z.object({ uuid, confirmed: z.literal(true) }).strict()

export const RESTART_OUTCOMES = ['accepted', 'rejected', 'no-answer', 'forbidden', 'failed'] as const

export const RestartOutcomeSchema = z.object({
  uuid,
  outcome: z.enum(RESTART_OUTCOMES),
  /** The charger's own word when it answered ("Accepted", "Rejected", …). */
  answer: words.nullable(),
  message: words,
  at: isoTime,
})
export type RestartOutcome = z.infer<typeof RestartOutcomeSchema>

export const WATCH_STATES = ['none', 'waiting', 'back', 'not-back'] as const

export const RestartWatchSchema = z.object({
  uuid,
  state: z.enum(WATCH_STATES),
  message: words.nullable(),
})
export type RestartWatch = z.infer<typeof RestartWatchSchema>

export const BULK_ACTIONS = [
  'restart-soft',
  'restart-hard',
  'make-unavailable',
  'make-available',
  'refresh-status',
] as const
export type BulkAction = (typeof BULK_ACTIONS)[number]

export const BULK_ACTION_LABELS: Record<BulkAction, string> = {
  'restart-soft': 'Restart (soft)',
  'restart-hard': 'Restart (hard)',
  'make-unavailable': 'Make unavailable',
  'make-available': 'Make available',
  'refresh-status': 'Ask for a fresh status',
}

export const BulkStartRequestSchema = z
  .object({
    action: z.enum(BULK_ACTIONS),
    uuids: z.array(uuid).min(1).max(100_000),
    confirmed: z.literal(true),
  })
  .strict()

export const BulkRunRequestSchema = z.object({ runUuid: uuid }).strict()

export const BulkRunViewSchema = z.object({
  runUuid: uuid,
  action: z.enum(BULK_ACTIONS),
  /** running until Plugchoice says completed; failed when polling had to stop. */
  status: z.enum(['running', 'completed', 'failed']),
  total: z.number().int(),
  sent: z.number().int(),
  offline: z.number().int(),
  error: z.number().int(),
  skipped: z.number().int(),
  results: z.array(BulkResultSchema).max(MAX_ANSWER_ITEMS),
  startedAt: isoTime,
  /** Why polling stopped (status failed), else null. */
  problem: AppErrorSchema.nullable(),
})
export type BulkRunView = z.infer<typeof BulkRunViewSchema>
