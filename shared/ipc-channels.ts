// The names of every IPC command and event, with no dependency at all: the sandboxed preload imports
// this list (it may bundle nothing but `electron`-free constants), the contract gives each its schemas.
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
