// The app's own state as it crosses from main to the renderer (and to the web preview's bridge).
// Every type here is derived from its schema: never write one of these shapes by hand elsewhere.
import { z } from 'zod'
import { FleetChargerSchema } from './charger-facts'
import { MIN_POLL_INTERVAL_SEC } from './constants'
import { RejectedRecordSchema } from './plugchoice-schemas'
import { MAX_FLEET_SIZE, MAX_ID_LENGTH, MAX_TEXT_LENGTH } from './record-bounds'

// Bounds of what crosses IPC (every string and array has one: test/unit/ipc/contract-bounds.test.ts).
const id = z.string().max(MAX_ID_LENGTH)
const words = z.string().max(MAX_TEXT_LENGTH)
const isoTime = z.string().max(64)
/** The most records of a sync reported as rejected (the count of the rest is in the log). */
export const MAX_REJECTED_REPORTED = 1000
/** A CSV handed to the web preview's download: 100,000 rows of every column fit. */
const MAX_CSV_LENGTH = 256 * 1024 * 1024

/** Drops repeats, keeping the first of each: the order a person chose stays. */
const unique = <T>(items: T[]): T[] => [...new Set(items)]

/** A failure a person can act on: a stable code for code, a sentence for people. Never holds the token. */
export const AppErrorSchema = z.object({ code: id, message: words })
export type AppErrorInfo = z.infer<typeof AppErrorSchema>

export const AccountSchema = z.object({
  uuid: id,
  name: words.nullable(),
  email: words.nullable(),
})
export type Account = z.infer<typeof AccountSchema>

export const AUTH_STATES = ['signed-out', 'signed-in', 'demo', 'token-rejected'] as const

export const AuthStatusSchema = z.object({
  state: z.enum(AUTH_STATES),
  account: AccountSchema.nullable(),
  /** Whether the token is saved in the OS keychain; false means it lives in memory for this session only. */
  tokenSaved: z.boolean(),
  /** `waiting`: a keychain call (an unlock prompt, a slow Secret Service) is taking longer than a moment. */
  keychain: z.object({ available: z.boolean(), reason: words.nullable(), waiting: z.boolean().optional() }),
  /** The outcome of the last sign-in or why the app signed out ("Plugchoice rejected this token"). */
  message: words.nullable(),
})
export type AuthStatus = z.infer<typeof AuthStatusSchema>

export const SYNC_STATES = ['idle', 'syncing', 'error'] as const

export const SyncStatusSchema = z.object({
  state: z.enum(SYNC_STATES),
  /** Progress of the sync under way ("page 7 · 175 chargers"). */
  pagesRead: z.number().int(),
  chargersRead: z.number().int(),
  lastAttemptAt: isoTime.nullable(),
  lastSuccessAt: isoTime.nullable(),
  lastError: AppErrorSchema.nullable(),
  /** When the next sync (a poll or a retry) is due. */
  nextSyncAt: isoTime.nullable(),
  /**
   * What the sync under way waits for, and until when: a page to try again after a failed attempt (the
   * attempt's error is lastError at once, not after the retries), or the rate budget to refill.
   */
  waiting: z.object({ reason: z.enum(['retry', 'rate-budget']), until: isoTime }).nullable(),
  /** A refresh someone asked for that the rate budget holds back: when it will run. */
  refreshAt: isoTime.nullable(),
  /** Records of the last sync that broke the schema (kept out of the list, reported here). */
  rejected: z.array(RejectedRecordSchema).max(MAX_REJECTED_REPORTED),
})
export type SyncStatus = z.infer<typeof SyncStatusSchema>

/** The sync status of a session that has not synced yet. */
export function idleSyncStatus(): SyncStatus {
  return {
    state: 'idle',
    pagesRead: 0,
    chargersRead: 0,
    lastAttemptAt: null,
    lastSuccessAt: null,
    lastError: null,
    nextSyncAt: null,
    waiting: null,
    refreshAt: null,
    rejected: [],
  }
}

export const PollStatusSchema = z.object({
  /** What the user asked for. */
  intervalMs: z.number().int(),
  /** What the rate budget allows for this fleet size (never shorter than intervalMs). */
  effectiveIntervalMs: z.number().int(),
  /** "every 1 min" or "every 3 min for 8,000 chargers". */
  description: words,
  running: z.boolean(),
})
export type PollStatus = z.infer<typeof PollStatusSchema>

/** `partial`: no fleet was cached, and the first sync's pages are shown as they arrive (not complete yet). */
export const FLEET_SOURCES = ['none', 'partial', 'cache', 'live'] as const

export const FleetStatusSchema = z.object({
  source: z.enum(FLEET_SOURCES),
  /** Which account the fleet belongs to. */
  accountUuid: id.nullable(),
  /** When the shown fleet was read from Plugchoice (also for a cached fleet). */
  fetchedAt: isoTime.nullable(),
  /** Increments whenever the set of chargers changes; deltas name the revision they apply to. */
  revision: z.number().int(),
  total: z.number().int(),
  /** True when the list may not be current: shown from the cache, or the last refresh failed. */
  stale: z.boolean(),
  sync: SyncStatusSchema,
  poll: PollStatusSchema,
  /** A problem with the offline copy worth a line on screen ("the disk is full", "set aside"), else null. */
  notice: words.nullable(),
  /** Chargers kept in the list although the last complete sync did not see them (removed after a second). */
  notSeen: z.array(id).max(MAX_FLEET_SIZE).optional(),
})
export type FleetStatus = z.infer<typeof FleetStatusSchema>

export const FleetSnapshotSchema = z.object({
  status: FleetStatusSchema,
  /** Each with its derived facts (charger-facts.ts): the window reads them, it does not derive its own. */
  chargers: z.array(FleetChargerSchema).max(MAX_FLEET_SIZE),
})
export type FleetSnapshot = z.infer<typeof FleetSnapshotSchema>

/** The change from one revision to the next: only the chargers that changed travel. */
export const FleetDeltaSchema = z.object({
  fromRevision: z.number().int(),
  toRevision: z.number().int(),
  upserted: z.array(FleetChargerSchema).max(MAX_FLEET_SIZE),
  removed: z.array(id).max(MAX_FLEET_SIZE),
})
export type FleetDelta = z.infer<typeof FleetDeltaSchema>

export const SettingsSchema = z.object({
  pollIntervalSec: z
    .number()
    .int()
    .min(MIN_POLL_INTERVAL_SEC)
    .max(24 * 3600)
    .default(60),
  /** A charger must stay offline this long before a notification says so. */
  offlineNotifyDelayMin: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(10),
  notificationsPausedUntil: z.iso.datetime({ offset: true }).nullable().default(null),
  mutedChargers: z.array(id).max(MAX_FLEET_SIZE).transform(unique).default([]),
  startAtLogin: z.boolean().default(false),
  /** Columns of the list the user hid. */
  hiddenColumns: z.array(id).max(100).transform(unique).default([]),
  /** Widths (rem) of the list's columns the user resized; a column not named keeps its default width. */
  columnWidthsRem: z
    .record(id, z.number().min(1).max(100))
    .refine((widths) => Object.keys(widths).length <= 100, 'Too many column widths.')
    .default({}),
  /** Fleet history older than this is pruned (daily). */
  historyRetentionDays: z.number().int().min(1).max(3650).default(90),
  /** A charger that goes offline this many times within flappingWindowMin gets one "flapping" notification. */
  flappingCount: z.number().int().min(2).max(100).default(3),
  flappingWindowMin: z
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(60),
})
export type Settings = z.infer<typeof SettingsSchema>
export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({})

/**
 * A change to some settings. Built from SettingsSchema without its defaults: `.partial()` would still fill
 * every absent key with its default, and one changed setting would reset all the others.
 */
export const SettingsPatchSchema = patchOf(SettingsSchema.shape)

function patchOf<Shape extends Record<string, z.ZodDefault<z.ZodType>>>(shape: Shape) {
  const optional = Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, field.unwrap().optional()]))
  return z.object(optional as { [K in keyof Shape]: z.ZodOptional<ReturnType<Shape[K]['unwrap']>> }).strict()
}
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>

export const EXPORT_COLUMNS = [
  'health',
  /** The reason for the health (charger-facts.ts), "Blocked", "GroundFailure · vendor code 210". */
  'reason',
  'identity',
  'reference',
  'connection',
  'status',
  'error',
  'vendor_error_code',
  'error_info',
  'vendor',
  'model',
  'current_type',
  'firmware',
  'last_heartbeat_at',
  'last_disconnection_at',
  'max_current',
  'uuid',
] as const
export type ExportColumn = (typeof EXPORT_COLUMNS)[number]

export const ExportRequestSchema = z.object({
  /** The chargers of the current view, in its order (filters, search and sort applied by the renderer). */
  uuids: z.array(id).max(MAX_FLEET_SIZE).transform(unique),
  columns: z.array(z.enum(EXPORT_COLUMNS)).min(1).max(EXPORT_COLUMNS.length).transform(unique),
})
export type ExportRequest = z.infer<typeof ExportRequestSchema>

export const ExportResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), path: z.string().max(4096), rows: z.number().int() }),
  z.object({ status: z.literal('cancelled') }),
  /** The web preview has no save dialog: the renderer offers the file as a download. */
  z.object({
    status: z.literal('download'),
    fileName: z.string().max(255),
    csv: z.string().max(MAX_CSV_LENGTH),
    rows: z.number().int(),
  }),
])
export type ExportResult = z.infer<typeof ExportResultSchema>
