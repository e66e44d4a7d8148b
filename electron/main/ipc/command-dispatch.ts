// One gate for every command from a renderer, whatever carried it (Electron IPC or the web preview's bridge):
// unknown names and payloads that break the contract are refused before any handler runs, and a handler's
// failure becomes `{ ok: false, error }` with a message fit for people, never a thrown error or a stack.
import { commands, type CommandResponse, type IpcResult, type ValidatedRequest } from '@shared/ipc-contract'
import {
  COMMANDS,
  isCommandName,
  type ChargerCommandName,
  type CommandName,
  type HistoryCommandName,
} from '@shared/ipc-channels'
import { summarizeIssues } from '@shared/plugchoice-schemas'
import { compileFastCheck, type FastCheck } from '@shared/schema-precheck'
import { toAppError } from '../core/app-error'

/** Same verdict as each response schema for valid data, and the data unchanged (shared/schema-precheck.ts). */
const fastResponseChecks = Object.fromEntries(
  COMMANDS.map((command) => [command, compileFastCheck(commands[command].response)]),
) as Record<CommandName, FastCheck | null>

type HandlersOf<N extends CommandName> = {
  [C in N]: (request: ValidatedRequest<C>) => Promise<CommandResponse<C>>
}

/** The main-process side of each command; requests arrive already validated (and with schema defaults applied). */
/** The app's own commands, answered by core/fleet-commands.ts. */
export type AppCommandHandlers = HandlersOf<Exclude<CommandName, ChargerCommandName | HistoryCommandName>>
/** Every command, as FleetApp answers them. */
export type CommandHandlers = AppCommandHandlers & HistoryCommandHandlers & ChargerCommandHandlers
/** The history's commands (issue 11), answered by history/history-commands.ts. */
export type HistoryCommandHandlers = HandlersOf<HistoryCommandName>
/** The charger commands (issue 12), answered by charger-actions/action-handlers.ts. */
export type ChargerCommandHandlers = HandlersOf<ChargerCommandName>
/** What the dispatcher serves; a command without a handler says it is not available. */
export type CommandTable = AppCommandHandlers & Partial<HistoryCommandHandlers & ChargerCommandHandlers>

export async function dispatchCommand(
  handlers: CommandTable,
  channel: unknown,
  payload: unknown,
): Promise<IpcResult<unknown>> {
  if (!isCommandName(channel)) {
    return { ok: false, error: { code: 'unknown-command', message: 'The app does not know this command.' } }
  }
  const contract = commands[channel]
  const request = contract.request.safeParse(payload)
  if (!request.success) {
    return {
      ok: false,
      error: { code: 'invalid-request', message: `Invalid request for ${channel}: ${summarizeIssues(request.error)}` },
    }
  }
  const handler = handlers[channel] as ((request: unknown) => Promise<unknown>) | undefined
  if (!handler) {
    return { ok: false, error: { code: 'unavailable', message: 'This version of the app cannot do that yet.' } }
  }
  try {
    const data = await handler(request.data)
    // The response is checked too: a main-process bug must not hand the renderer a shape it cannot trust. The
    // fast check first: zod's own parse of a 10,000-charger snapshot costs 100-300 ms of every reload.
    if (fastResponseChecks[channel]?.(data)) return { ok: true, data }
    const response = contract.response.safeParse(data)
    if (!response.success) {
      return { ok: false, error: { code: 'internal', message: `The app produced an invalid answer for ${channel}.` } }
    }
    return { ok: true, data: response.data }
  } catch (error) {
    return { ok: false, error: toAppError(error) }
  }
}
