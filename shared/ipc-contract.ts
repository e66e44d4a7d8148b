// The one typed map of IPC between main and the renderer (after GitHub Desktop's ipc-shared.ts).
// Both sides derive their types from it; main (and the web preview's bridge) validates every request
// against it at run time. A command answers an IpcResult and never throws across the boundary.
import { z } from 'zod'
import {
  AppErrorSchema,
  AuthStatusSchema,
  ExportRequestSchema,
  ExportResultSchema,
  FleetDeltaSchema,
  FleetSnapshotSchema,
  FleetStatusSchema,
  SettingsPatchSchema,
  SettingsSchema,
} from './app-schemas'
import {
  BulkRunRequestSchema,
  BulkRunViewSchema,
  BulkStartRequestSchema,
  ChargerDetailViewSchema,
  DetailRequestSchema,
  LogRequestSchema,
  LogViewSchema,
  RestartOutcomeSchema,
  RestartRequestSchema,
  RestartWatchSchema,
} from './charger-actions-schemas'
import { historyCommands } from './history-ipc'
import type { CommandName, EventName } from './ipc-channels'
import { MAX_ID_LENGTH } from './record-bounds'

/** The most a token may be before the sign-in says it is too long; the IPC layer only bounds the size. */
export const MAX_TOKEN_LENGTH = 4096
const NoRequest = z.undefined()

export const commands = {
  'auth:status': { request: NoRequest, response: AuthStatusSchema },
  'auth:sign-in': { request: z.object({ token: z.string().max(64 * 1024) }).strict(), response: AuthStatusSchema },
  'auth:sign-out': { request: NoRequest, response: AuthStatusSchema },
  'auth:start-demo': { request: NoRequest, response: AuthStatusSchema },
  'fleet:snapshot': { request: NoRequest, response: FleetSnapshotSchema },
  'fleet:refresh': { request: NoRequest, response: FleetStatusSchema },
  'fleet:export-csv': { request: ExportRequestSchema, response: ExportResultSchema },
  'settings:get': { request: NoRequest, response: SettingsSchema },
  'settings:set': { request: SettingsPatchSchema, response: SettingsSchema },
  /** Answers the URL; `opened` is false where the desktop could not open it (the web preview opens it itself). */
  'charger:open-in-plugchoice': {
    request: z.object({ uuid: z.string().min(1).max(MAX_ID_LENGTH) }).strict(),
    response: z.object({ url: z.string().max(2048), opened: z.boolean() }),
  },
  'charger:detail': { request: DetailRequestSchema, response: ChargerDetailViewSchema },
  'charger:log': { request: LogRequestSchema, response: LogViewSchema },
  /** A write: only after the confirm dialog, only where the charger's permissions.full allows it. */
  'charger:restart': { request: RestartRequestSchema, response: RestartOutcomeSchema },
  /** Answered from memory: what the watch after an accepted restart has seen. */
  'charger:restart-watch': {
    request: z.object({ uuid: z.string().min(1).max(200) }).strict(),
    response: RestartWatchSchema,
  },
  'bulk:start': { request: BulkStartRequestSchema, response: BulkRunViewSchema },
  /** Answered from memory: main polls Plugchoice every 2 s, the window asks main. */
  'bulk:run': { request: BulkRunRequestSchema, response: BulkRunViewSchema },
  ...historyCommands,
} as const satisfies Record<CommandName, { request: z.ZodType; response: z.ZodType }>

export const events = {
  'auth:changed': AuthStatusSchema,
  'fleet:status': FleetStatusSchema,
  'fleet:delta': FleetDeltaSchema,
  'settings:changed': SettingsSchema,
  /** The tray or a notification asks the window to show one charger. */
  'ui:show-charger': z.object({ uuid: z.string().max(MAX_ID_LENGTH) }),
} as const satisfies Record<EventName, z.ZodType>

export type Commands = typeof commands
export type CommandRequest<C extends CommandName> = z.input<Commands[C]['request']>
/** What a handler in main receives: the request validated, its defaults applied. */
export type ValidatedRequest<C extends CommandName> = z.output<Commands[C]['request']>
export type CommandResponse<C extends CommandName> = z.output<Commands[C]['response']>
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>

export const IpcResultSchema = <T extends z.ZodType>(data: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: AppErrorSchema }),
  ])

export type IpcResult<T> = { ok: true; data: T } | { ok: false; error: z.infer<typeof AppErrorSchema> }

/** The name under which the preload exposes the bridge on `window`. */
export const BRIDGE_GLOBAL = 'plugfleet'

/** What the preload exposes (and what the web preview's client implements): one function per command. */
export type CommandInvokers = {
  [C in CommandName]: (request: CommandRequest<C>) => Promise<IpcResult<CommandResponse<C>>>
}

export interface RendererBridge {
  invoke: CommandInvokers
  /** Subscribes to one event; returns the unsubscribe. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}
