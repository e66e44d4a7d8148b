// The app's own state as it crosses from main to the renderer (and to the web preview's bridge).
// Every type here is derived from its schema: never write one of these shapes by hand elsewhere.
import { z } from 'zod'
import { ChargerSchema, RejectedRecordSchema } from './plugchoice-schemas'

/** A failure a person can act on: a stable code for code, a sentence for people. Never holds the token. */
export const AppErrorSchema = z.object({ code: z.string(), message: z.string() })
export type AppErrorInfo = z.infer<typeof AppErrorSchema>

export const AccountSchema = z.object({
  uuid: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
})
export type Account = z.infer<typeof AccountSchema>

export const AUTH_STATES = ['signed-out', 'signed-in', 'demo', 'token-rejected'] as const

export const AuthStatusSchema = z.object({
  state: z.enum(AUTH_STATES),
  account: AccountSchema.nullable(),
  /** Whether the token is saved in the OS keychain; false means it lives in memory for this session only. */
  tokenSaved: z.boolean(),
  keychain: z.object({ available: z.boolean(), reason: z.string().nullable() }),
  /** The outcome of the last sign-in or why the app signed out ("Plugchoice rejected this token"). */
  message: z.string().nullable(),
})
export type AuthStatus = z.infer<typeof AuthStatusSchema>

export const SYNC_STATES = ['idle', 'syncing', 'error'] as const

export const SyncStatusSchema = z.object({
  state: z.enum(SYNC_STATES),
  /** Progress of the sync under way ("page 7 · 175 chargers"). */
  pagesRead: z.number().int(),
  chargersRead: z.number().int(),
  lastAttemptAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  lastError: AppErrorSchema.nullable(),
  /** When the next sync (a poll or a retry) is due. */
  nextSyncAt: z.string().nullable(),
  /** Records of the last sync that broke the schema (kept out of the list, reported here). */
  rejected: z.array(RejectedRecordSchema),
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
    rejected: [],
  }
}

export const PollStatusSchema = z.object({
  /** What the user asked for. */
  intervalMs: z.number().int(),
  /** What the rate budget allows for this fleet size (never shorter than intervalMs). */
  effectiveIntervalMs: z.number().int(),
  /** "every 1 min" or "every 3 min for 8,000 chargers". */
  description: z.string(),
  running: z.boolean(),
})

export const FLEET_SOURCES = ['none', 'cache', 'live'] as const

export const FleetStatusSchema = z.object({
  source: z.enum(FLEET_SOURCES),
  /** Which account the fleet belongs to. */
  accountUuid: z.string().nullable(),
  /** When the shown fleet was read from Plugchoice (also for a cached fleet). */
  fetchedAt: z.string().nullable(),
  /** Increments whenever the set of chargers changes; deltas name the revision they apply to. */
  revision: z.number().int(),
  total: z.number().int(),
  /** True when the list may not be current: shown from the cache, or the last refresh failed. */
  stale: z.boolean(),
  sync: SyncStatusSchema,
  poll: PollStatusSchema,
  /** A problem with the offline copy worth a line on screen ("the disk is full", "set aside"), else null. */
  notice: z.string().nullable(),
})
export type FleetStatus = z.infer<typeof FleetStatusSchema>

export const FleetSnapshotSchema = z.object({
  status: FleetStatusSchema,
  chargers: z.array(ChargerSchema),
})
export type FleetSnapshot = z.infer<typeof FleetSnapshotSchema>

/** The change from one revision to the next: only the chargers that changed travel. */
export const FleetDeltaSchema = z.object({
  fromRevision: z.number().int(),
  toRevision: z.number().int(),
  upserted: z.array(ChargerSchema),
  removed: z.array(z.string()),
})
export type FleetDelta = z.infer<typeof FleetDeltaSchema>

export const MIN_POLL_INTERVAL_SEC = 15

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
  mutedChargers: z.array(z.string().max(200)).max(100_000).default([]),
  startAtLogin: z.boolean().default(false),
  /** Columns of the list the user hid. */
  hiddenColumns: z.array(z.string().max(100)).max(100).default([]),
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
  uuids: z.array(z.string().max(200)).max(200_000),
  columns: z.array(z.enum(EXPORT_COLUMNS)).min(1),
})
export type ExportRequest = z.infer<typeof ExportRequestSchema>

export const ExportResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), path: z.string(), rows: z.number().int() }),
  z.object({ status: z.literal('cancelled') }),
  /** The web preview has no save dialog: the renderer offers the file as a download. */
  z.object({ status: z.literal('download'), fileName: z.string(), csv: z.string(), rows: z.number().int() }),
])
export type ExportResult = z.infer<typeof ExportResultSchema>
