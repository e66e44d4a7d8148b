// A fast, eval-free validity check derived from a zod schema, used before zod's own parse: by the renderer
// for what the transport hands it, and by main's command dispatcher for its own answers (zod's parse of a
// 10,000-charger snapshot there was 100-300 ms of every reload of the web preview).
//
// Why: zod 4 compiles object schemas with `new Function`, which the renderer's CSP (no 'unsafe-eval')
// forbids, so zod falls back to its interpreter: ~0.5 s for a cold 10,000-charger snapshot in Chromium,
// more than the whole first-paint budget. This walks the same schema once and builds plain closures.
// Contract: it answers true only for a value that zod accepts *and* would return unchanged (no defaults
// filled, no keys stripped, no transforms). Anything else answers false, and the caller runs zod, which
// then produces the real result or the real error. Unsupported schema features make the whole check null.
import type { z } from 'zod'

export type FastCheck = (value: unknown) => boolean

interface Def {
  type: string
  checks?: Array<{ _zod: { def: CheckDef } }>
  innerType?: z.ZodType
  shape?: Record<string, z.ZodType>
  catchall?: z.ZodType
  element?: z.ZodType
  options?: z.ZodType[]
  values?: unknown[]
  entries?: Record<string, unknown>
}

interface CheckDef {
  check: string
  minimum?: number
  maximum?: number
  value?: number
  inclusive?: boolean
  format?: string
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def

/** A check for the schema's `.min()`, `.max()`, `.int()`…; null for a check this module does not know. */
function compileRefinements(def: Def): FastCheck | null {
  const tests: FastCheck[] = []
  for (const check of def.checks ?? []) {
    const c = check._zod.def
    switch (c.check) {
      case 'min_length':
        tests.push((v) => (v as { length: number }).length >= c.minimum!)
        break
      case 'max_length':
        tests.push((v) => (v as { length: number }).length <= c.maximum!)
        break
      case 'greater_than':
        tests.push(c.inclusive ? (v) => (v as number) >= c.value! : (v) => (v as number) > c.value!)
        break
      case 'less_than':
        tests.push(c.inclusive ? (v) => (v as number) <= c.value! : (v) => (v as number) < c.value!)
        break
      case 'number_format':
        if (c.format !== 'safeint') return null
        tests.push((v) => Number.isSafeInteger(v))
        break
      default:
        return null
    }
  }
  if (tests.length === 0) return ALWAYS
  if (tests.length === 1) return tests[0]!
  return (v) => {
    for (let i = 0; i < tests.length; i++) if (!tests[i]!(v)) return false
    return true
  }
}

/** Marks "no refinements", so that callers can leave the call out of the hot path. */
const ALWAYS: FastCheck = () => true

export function compileFastCheck(schema: z.ZodType): FastCheck | null {
  const def = defOf(schema)
  // A schema that is itself a check (z.iso.datetime(), z.email(): `format` and `check` on the def), or one
  // that coerces, validates more than its type says: leave it to zod.
  const extra = def as { check?: unknown; format?: unknown; coerce?: unknown }
  if (extra.check !== undefined || extra.format !== undefined || extra.coerce) return null
  switch (def.type) {
    case 'unknown':
    case 'any':
      return () => true
    case 'null':
      return (v) => v === null
    case 'undefined':
      return (v) => v === undefined
    case 'boolean':
      return (v) => typeof v === 'boolean'
    case 'string': {
      const refine = compileRefinements(def)
      if (refine === ALWAYS) return (v) => typeof v === 'string'
      return refine && ((v) => typeof v === 'string' && refine(v))
    }
    case 'number': {
      const refine = compileRefinements(def)
      if (refine === ALWAYS) return (v) => typeof v === 'number' && Number.isFinite(v)
      return refine && ((v) => typeof v === 'number' && Number.isFinite(v) && refine(v))
    }
    case 'literal': {
      const values = def.values ?? []
      return (v) => values.includes(v)
    }
    case 'enum': {
      const values = new Set(Object.values(def.entries ?? {}))
      return (v) => values.has(v)
    }
    case 'optional': {
      const inner = compileFastCheck(def.innerType!)
      return inner && ((v) => v === undefined || inner(v))
    }
    case 'nullable': {
      const inner = compileFastCheck(def.innerType!)
      return inner && ((v) => v === null || inner(v))
    }
    case 'default': {
      // A missing value would be filled in by zod: only a present one can skip it.
      const inner = compileFastCheck(def.innerType!)
      return inner && ((v) => v !== undefined && inner(v))
    }
    case 'array': {
      const element = compileFastCheck(def.element!)
      const refine = compileRefinements(def)
      if (!element || !refine) return null
      // Indexed loops: this runs for every charger of a 10,000-charger snapshot before the first paint.
      return (v) => {
        if (!Array.isArray(v) || !refine(v)) return false
        for (let i = 0; i < v.length; i++) if (!element(v[i])) return false
        return true
      }
    }
    case 'union': {
      const options = (def.options ?? []).map(compileFastCheck)
      if (options.some((option) => option === null)) return null
      return (v) => options.some((option) => option!(v))
    }
    case 'object':
      return compileObject(def)
    default:
      return null
  }
}

function compileObject(def: Def): FastCheck | null {
  const entries: Array<[string, FastCheck]> = []
  for (const [key, field] of Object.entries(def.shape ?? {})) {
    const check = compileFastCheck(field)
    if (!check) return null
    entries.push([key, check])
  }
  const known = new Set(entries.map(([key]) => key))
  const catchallType = def.catchall ? defOf(def.catchall).type : null
  // Loose objects keep unknown keys; a plain object strips them and a strict one refuses them: either way
  // the output would differ from the input, so a value with extra keys is left to zod.
  const extraAllowed = catchallType === 'unknown' || catchallType === 'any'
  if (def.catchall && !extraAllowed && catchallType !== 'never') return null
  const keys = entries.map(([key]) => key)
  const checks = entries.map(([, check]) => check)
  return (v) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return false
    const record = v as Record<string, unknown>
    for (let i = 0; i < keys.length; i++) if (!checks[i]!(record[keys[i]!])) return false
    if (!extraAllowed) for (const key in record) if (!known.has(key)) return false
    return true
  }
}
