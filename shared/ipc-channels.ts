// The names of every IPC command and event, with no dependency at all: the sandboxed preload imports
// this list (it may bundle nothing but `electron`-free constants), the contract gives each its schemas.
/** The commands of issue 12 (one charger's detail, log and actions; bulk commands), answered by their own module. */
export const CHARGER_COMMANDS = [
  'charger:detail',
  'charger:log',
  'charger:restart',
  'charger:restart-watch',
  'bulk:start',
  'bulk:run',
] as const
export type ChargerCommandName = (typeof CHARGER_COMMANDS)[number]

/** The fleet history's commands (issue 11): what happened, uptime, exports; schemas in history-ipc.ts. */
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

export const COMMANDS = [
  'auth:status',
  'auth:sign-in',
  'auth:sign-out',
  'auth:start-demo',
  'fleet:snapshot',
  'fleet:refresh',
  'fleet:export-csv',
  'settings:get',
  'settings:set',
  'charger:open-in-plugchoice',
  ...CHARGER_COMMANDS,
  ...HISTORY_COMMANDS,
] as const
export type CommandName = (typeof COMMANDS)[number]

export const EVENTS = ['auth:changed', 'fleet:status', 'fleet:delta', 'settings:changed', 'ui:show-charger'] as const
export type EventName = (typeof EVENTS)[number]

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && (COMMANDS as readonly string[]).includes(name)
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (EVENTS as readonly string[]).includes(name)
}
