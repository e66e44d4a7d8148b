// Fleet history as it crosses from main to the renderer (issue 11): events in words, a charger's strip and
// uptime, the fleet's counts over time, "since you last looked". Types come from these schemas only.
import { z } from 'zod'
import { BUCKETS, TRANSITION_KINDS } from './fleet-health'
import { MAX_ANSWER_ITEMS, MAX_TEXT_LENGTH } from './record-bounds'

// Bounded like every string and array of the IPC contract (test/unit/ipc/contract-bounds.test.ts); what is
// stored came from records already cut to these lengths.
const words = z.string().max(MAX_TEXT_LENGTH)

/**
 * The recorded kinds: the fleet's transitions, `changed` (another change of bucket, e.g. OK → Attention) and
 * `action` (a command the user sent: restart, bulk commands). Stored by their index here: append only.
 */
export const HISTORY_EVENT_KINDS = [...TRANSITION_KINDS, 'changed', 'action'] as const
export type HistoryEventKind = (typeof HISTORY_EVENT_KINDS)[number]

/** The stable words of the Activity view (stable names: tests and users find things by them). `changed` is followed by the new state. */
export const EVENT_WORDS: Record<HistoryEventKind, string> = {
  went_offline: 'went offline',
  came_back: 'came back',
  new_fault: 'new fault',
  fault_cleared: 'fault cleared',
  added: 'added',
  removed: 'removed',
  changed: 'changed',
  action: 'action sent',
}

const BucketSchema = z.enum(BUCKETS)
const Iso = z.iso.datetime({ offset: true })

export const HistoryEventSchema = z.object({
  id: z.number().int(),
  kind: z.enum(HISTORY_EVENT_KINDS),
  uuid: words,
  label: words,
  /** When the app saw it. */
  observedAt: Iso,
  /** When it happened: the API's own moment (last_disconnection_at / last_connection_at) where it gives one. */
  at: Iso,
  from: BucketSchema.nullable(),
  to: BucketSchema.nullable(),
  statusBefore: words.nullable(),
  statusAfter: words.nullable(),
  errorBefore: words.nullable(),
  errorAfter: words.nullable(),
  errorInfo: words.nullable(),
  /** An `action`'s command ("restart", "bulk restart (soft)") and the answer in words ("Accepted"). */
  action: words.nullable().optional(),
  answer: words.nullable().optional(),
})
export type HistoryEvent = z.infer<typeof HistoryEventSchema>

/** A stretch of a charger's strip: a bucket, or `not_watched` (the app was not looking and the API does not say). */
export const STRIP_STATES = [...BUCKETS, 'not_watched', 'absent'] as const
export type StripState = (typeof STRIP_STATES)[number]
export const StripSegmentSchema = z.object({ start: Iso, end: Iso, state: z.enum(STRIP_STATES) })
export type StripSegment = z.infer<typeof StripSegmentSchema>

export const UptimeSchema = z.object({
  /** Up ÷ known, 0..1; null when nothing of the period is known. */
  ratio: z.number().nullable(),
  upMs: z.number(),
  /** Time whose state is known: watched, or covered by the API's timestamps. Never counts unwatched time. */
  knownMs: z.number(),
  periodMs: z.number(),
  longestOutageMs: z.number(),
})
export type Uptime = z.infer<typeof UptimeSchema>

export const ChargerHistorySchema = z.object({
  uuid: words,
  from: Iso,
  to: Iso,
  strip: z.array(StripSegmentSchema).max(MAX_ANSWER_ITEMS),
  uptime: z.object({ day: UptimeSchema, week: UptimeSchema, month: UptimeSchema }),
  events: z.array(HistoryEventSchema).max(MAX_ANSWER_ITEMS),
})
export type ChargerHistory = z.infer<typeof ChargerHistorySchema>

export const ActivityQuerySchema = z
  .object({
    kinds: z.array(z.enum(HISTORY_EVENT_KINDS)).max(HISTORY_EVENT_KINDS.length).optional(),
    since: Iso.optional(),
    until: Iso.optional(),
    /** Older than this event id (paging down the list). */
    beforeId: z.number().int().optional(),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict()
export type ActivityQuery = z.input<typeof ActivityQuerySchema>

export const ActivityPageSchema = z.object({
  events: z.array(HistoryEventSchema).max(MAX_ANSWER_ITEMS),
  total: z.number().int(),
})
export type ActivityPage = z.infer<typeof ActivityPageSchema>

export const SinceLastLookedSchema = z.object({
  /** When the user last looked (null: never). */
  lookedAt: Iso.nullable(),
  total: z.number().int(),
  counts: z.record(z.enum(HISTORY_EVENT_KINDS), z.number().int()),
  /** The first chargers named in a digest, newest first. */
  firstLabels: z.array(words).max(MAX_ANSWER_ITEMS),
})
export type SinceLastLooked = z.infer<typeof SinceLastLookedSchema>

export const SERIES_PERIODS = ['24h', '7d'] as const
export const FleetSeriesSchema = z.object({
  period: z.enum(SERIES_PERIODS),
  /** Slot start times (epoch seconds, uPlot's x axis). */
  times: z.array(z.number()).max(MAX_ANSWER_ITEMS),
  /** Per bucket, the count at the last good sync of each slot (null: no good sync in that slot). */
  counts: z.record(BucketSchema, z.array(z.number().nullable()).max(MAX_ANSWER_ITEMS)),
})
export type FleetSeries = z.infer<typeof FleetSeriesSchema>

export const FlappingSchema = z.object({ uuid: words, label: words, wentOffline: z.number().int() })
export type Flapping = z.infer<typeof FlappingSchema>

export const HistoryStatusSchema = z.object({
  /** Open and recording. */
  open: z.boolean(),
  /** A line for the screen when the database had to be set aside or could not be opened, else null. */
  notice: words.nullable(),
})
export type HistoryStatus = z.infer<typeof HistoryStatusSchema>

export const HistoryPeriodSchema = z.object({ from: Iso, to: Iso }).strict()
