// Every array and string that crosses the IPC contract has an upper bound, so no message from either side
// can keep main (or the window) busy for seconds; and the export's uuids and columns are de-duplicated.
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { commands, events } from '@shared/ipc-contract'
import { EXPORT_COLUMNS } from '@shared/app-schemas'

type Def = { type: string; [key: string]: unknown }
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def
type Check = { _zod: { def: { check: string; maximum?: number; length?: number } } }
const hasMax = (schema: z.ZodType): boolean =>
  ((defOf(schema).checks as Check[] | undefined) ?? []).some(
    ({ _zod: { def } }) => def.check === 'max_length' || def.check === 'length_equals',
  ) || defOf(schema).format !== undefined

/** The paths of unbounded strings and arrays inside `schema`. */
function unbounded(schema: z.ZodType, path: string, seen = new Set<z.ZodType>()): string[] {
  if (seen.has(schema)) return []
  seen.add(schema)
  const def = defOf(schema)
  const inner = (child: unknown, at: string) => unbounded(child as z.ZodType, at, seen)
  switch (def.type) {
    case 'string':
      return hasMax(schema) ? [] : [path]
    case 'array':
      return [...(hasMax(schema) ? [] : [path]), ...inner(def.element, `${path}[]`)]
    case 'object':
      return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([key, child]) =>
        inner(child, `${path}.${key}`),
      )
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return inner(def.innerType, path)
    case 'pipe':
      return [...inner(def.in, path), ...inner(def.out, path)]
    case 'union':
      return (def.options as z.ZodType[]).flatMap((option, i) => inner(option, `${path}|${i}`))
    case 'transform':
      return []
    default:
      return []
  }
}

describe('IPC contract bounds', () => {
  it('bounds every string and array of every request, response and event', () => {
    const found = [
      ...Object.entries(commands).flatMap(([name, c]) => [
        ...unbounded(c.request, `${name} request`),
        ...unbounded(c.response, `${name} response`),
      ]),
      ...Object.entries(events).flatMap(([name, schema]) => unbounded(schema, `${name} event`)),
    ]
    expect(found).toEqual([])
  })

  it('refuses 40,000 export columns at once, and de-duplicates uuids and columns', () => {
    const request = commands['fleet:export-csv'].request
    const many = request.safeParse({ uuids: ['a'], columns: Array.from({ length: 40_000 }, () => 'identity') })
    expect(many.success).toBe(false)
    const parsed = request.parse({ uuids: ['b', 'a', 'b', 'a'], columns: ['uuid', 'identity', 'uuid'] })
    expect(parsed).toEqual({ uuids: ['b', 'a'], columns: ['uuid', 'identity'] })
    expect(request.safeParse({ uuids: [], columns: [...EXPORT_COLUMNS] }).success).toBe(true)
  })

  it('de-duplicates muted chargers and hidden columns in a settings change', () => {
    const parsed = commands['settings:set'].request.parse({ mutedChargers: ['a', 'a', 'b'], hiddenColumns: ['x', 'x'] })
    expect(parsed).toEqual({ mutedChargers: ['a', 'b'], hiddenColumns: ['x'] })
  })
})
