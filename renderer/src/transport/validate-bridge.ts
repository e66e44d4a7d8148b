// Where what a transport hands over enters the renderer, it is checked against the contract: every event
// payload against its event schema, and every answer against its response schema unless main has already
// checked it (Electron IPC: ipc/command-dispatch.ts validates each answer before sending it). What fails
// becomes a clear error or is dropped with a console warning.
import { commands, events, IpcResultSchema, type CommandInvokers, type RendererBridge } from '@shared/ipc-contract'
import { COMMANDS, EVENTS, type CommandName, type EventName } from '@shared/ipc-channels'
import { summarizeIssues } from '@shared/plugchoice-schemas'
import type { UntrustedBridge } from './bridge-types'
import { compileFastCheck, type FastCheck } from '@shared/schema-precheck'

const resultSchemas = Object.fromEntries(
  COMMANDS.map((command) => [command, IpcResultSchema(commands[command].response)]),
) as unknown as Record<CommandName, ReturnType<typeof IpcResultSchema>>

/** Same verdicts as the schemas for valid data, without zod's interpreter cost (see schema-precheck.ts). */
const fastResultChecks = Object.fromEntries(
  COMMANDS.map((command) => [command, compileFastCheck(resultSchemas[command])]),
) as Record<CommandName, FastCheck | null>
const fastEventChecks = Object.fromEntries(EVENTS.map((event) => [event, compileFastCheck(events[event])])) as Record<
  EventName,
  FastCheck | null
>

export interface ValidateOptions {
  /** The answers were validated against the contract by main before they were sent. */
  answersValidatedByMain: boolean
}

export function validateBridge(raw: UntrustedBridge, options: ValidateOptions): RendererBridge {
  const invoke = Object.fromEntries(
    COMMANDS.map((command) => [
      command,
      async (request: unknown) => {
        let answer: unknown
        try {
          answer = await raw.invoke[command](request)
        } catch {
          // A preload or transport that throws instead of answering: still an answer the UI can show.
          return { ok: false, error: { code: 'transport', message: 'The app did not answer. Try again.' } }
        }
        if (options.answersValidatedByMain) return answer
        if (fastResultChecks[command]?.(answer)) return answer
        const parsed = resultSchemas[command].safeParse(answer)
        if (parsed.success) return parsed.data
        console.warn(`Invalid answer to ${command}: ${summarizeIssues(parsed.error)}`)
        return {
          ok: false,
          error: { code: 'invalid-response', message: `The app sent an answer this window cannot read (${command}).` },
        }
      },
    ]),
  ) as unknown as CommandInvokers

  return {
    invoke,
    on(event, listener) {
      const schema = events[event]
      const fast = fastEventChecks[event]
      return raw.on(event, (payload) => {
        if (fast?.(payload)) return (listener as (payload: unknown) => void)(payload)
        const parsed = schema.safeParse(payload)
        if (parsed.success) (listener as (payload: unknown) => void)(parsed.data)
        else console.warn(`Dropped an invalid ${event} event: ${summarizeIssues(parsed.error)}`)
      })
    },
  }
}
