// The renderer trusts no shape blindly (brief and design: main validates requests, the renderer validates
// answers and events). Every answer is checked against the contract's response schema, every event payload
// against its event schema; what fails becomes a clear error or is dropped with a console warning.
import { commands, events, IpcResultSchema, type CommandInvokers, type RendererBridge } from '@shared/ipc-contract'
import { COMMANDS, EVENTS, type CommandName, type EventName } from '@shared/ipc-channels'
import { summarizeIssues } from '@shared/plugchoice-schemas'
import type { UntrustedBridge } from './bridge-types'
import { compileFastCheck, type FastCheck } from './schema-precheck'

const resultSchemas = Object.fromEntries(
  COMMANDS.map((command) => [command, IpcResultSchema(commands[command].response)]),
) as unknown as Record<CommandName, ReturnType<typeof IpcResultSchema>>

/** Same verdicts as the schemas for valid data, without zod's interpreter cost (see fast-check.ts). */
const fastResultChecks = Object.fromEntries(
  COMMANDS.map((command) => [command, compileFastCheck(resultSchemas[command])]),
) as Record<CommandName, FastCheck | null>
const fastEventChecks = Object.fromEntries(EVENTS.map((event) => [event, compileFastCheck(events[event])])) as Record<
  EventName,
  FastCheck | null
>

export function validateBridge(raw: UntrustedBridge): RendererBridge {
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
