import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { z } from 'zod'
import { commands, events, IpcResultSchema } from '@shared/ipc-contract'
import { COMMANDS, EVENTS } from '@shared/ipc-channels'
import { ChargerSchema } from '@shared/plugchoice-schemas'
import { AuthStatusSchema, FleetSnapshotSchema, SettingsSchema } from '@shared/app-schemas'
import { generateFleet } from '@main/sim/fleet-generator'
import { withFacts } from '@shared/charger-facts'
import { compileFastCheck } from '@shared/schema-precheck'

const fleet = generateFleet(300, 7)

/** The fast check may only say yes where zod says yes and returns the very same content. */
function agreesWithZod(schema: z.ZodType, value: unknown): void {
  const fast = compileFastCheck(schema)!
  if (!fast(value)) return
  const parsed = schema.safeParse(value)
  expect(parsed.success).toBe(true)
  expect(parsed.data).toStrictEqual(value)
}

describe('the eval-free fast check', () => {
  it('covers the fleet answers and events, where the size is (so the fast path is really taken)', () => {
    for (const command of ['fleet:snapshot', 'fleet:refresh', 'auth:status'] as const) {
      expect(compileFastCheck(IpcResultSchema(commands[command].response)), command).not.toBeNull()
    }
    for (const event of ['fleet:delta', 'fleet:status', 'auth:changed'] as const)
      expect(compileFastCheck(events[event]), event).not.toBeNull()
    // Whatever it covers or not, every schema of the contract compiles to a check or to null, never throws.
    for (const command of COMMANDS) compileFastCheck(IpcResultSchema(commands[command].response))
    for (const event of EVENTS) compileFastCheck(events[event])
  })

  it('accepts the simulated fleet as zod does', () => {
    const check = compileFastCheck(ChargerSchema)!
    for (const charger of fleet) {
      expect(check(charger)).toBe(true)
      agreesWithZod(ChargerSchema, charger)
    }
  })

  it.each([
    ['no uuid', { identity: 'x' }],
    ['an empty uuid', { uuid: '' }],
    ['a number where text belongs', { uuid: 'u', reference: 42 }],
    ['text where a number belongs', { uuid: 'u', max_current: '32' }],
    ['a fractional id', { uuid: 'u', id: 1.5 }],
    ['a model that is a string', { uuid: 'u', model: 'Alfen' }],
    ['an array instead of an object', [{ uuid: 'u' }]],
  ])('refuses a charger with %s', (_, value) => {
    expect(compileFastCheck(ChargerSchema)!(value)).toBe(false)
    expect(ChargerSchema.safeParse(value).success).toBe(false)
  })

  it('leaves to zod what zod would change: defaults to fill, unknown keys to strip', () => {
    const withDefault = z.object({
      interval: z.number().int().min(15).default(60),
      paused: z.string().nullable().default(null),
    })
    const check = compileFastCheck(withDefault)!
    expect(check({})).toBe(false)
    expect(withDefault.safeParse({}).success).toBe(true)
    expect(check({ interval: 30, paused: null })).toBe(true)
    expect(check({ interval: 3, paused: null })).toBe(false)
    const strip = z.object({ a: z.string() })
    expect(compileFastCheck(strip)!({ a: 'x', extra: 1 })).toBe(false)
    expect(compileFastCheck(strip)!({ a: 'x' })).toBe(true)
  })

  it('says nothing (null) for schema features it does not model', () => {
    expect(compileFastCheck(z.string().transform((s) => s.length))).toBeNull()
    expect(compileFastCheck(z.string().regex(/x/))).toBeNull()
    expect(compileFastCheck(z.object({ a: z.string().email() }))).toBeNull()
    // Formats that live on the schema's own definition, not in its checks.
    expect(compileFastCheck(z.iso.datetime({ offset: true }))).toBeNull()
    expect(compileFastCheck(z.email())).toBeNull()
    expect(compileFastCheck(z.coerce.number())).toBeNull()
  })

  it('never accepts what zod refuses, whatever the input (property)', () => {
    const field = fc.oneof(
      fc.constant(null),
      fc.constant(undefined),
      fc.string(),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.object(),
    )
    const chargerish = fc.record(
      {
        uuid: field,
        id: field,
        identity: field,
        max_current: field,
        blocked: field,
        model: fc.oneof(field, fc.record({ vendor: field, name: field, is_dc: field }, { requiredKeys: [] })),
        licenses: fc.oneof(field, fc.record({ smart: field, pro: field }, { requiredKeys: [] })),
        extra: field,
      },
      { requiredKeys: [] },
    )
    // What crosses IPC or HTTP is structured-cloned or JSON: plain objects, never null-prototype ones.
    const arrived = <T>(arb: fc.Arbitrary<T>) => arb.map((value) => structuredClone(value))
    fc.assert(
      fc.property(arrived(chargerish), (value) => agreesWithZod(ChargerSchema, value)),
      { numRuns: 2000 },
    )
    fc.assert(
      fc.property(arrived(fc.anything()), (value) => agreesWithZod(AuthStatusSchema, value)),
      { numRuns: 500 },
    )
    const statusish = fc.record(
      {
        state: fc.constantFrom('signed-out', 'signed-in', 'demo', 'token-rejected', 'other'),
        account: fc.oneof(
          fc.constant(null),
          fc.record({ uuid: fc.string(), name: fc.oneof(fc.string(), fc.constant(null)), email: fc.constant(null) }),
        ),
        tokenSaved: fc.oneof(fc.boolean(), fc.constant('yes')),
        keychain: fc.record({
          available: fc.boolean(),
          reason: fc.oneof(fc.string(), fc.constant(null), fc.integer()),
        }),
        message: fc.oneof(fc.string(), fc.constant(null)),
      },
      { requiredKeys: [] },
    )
    fc.assert(
      fc.property(arrived(statusish), (value) => agreesWithZod(AuthStatusSchema, value)),
      { numRuns: 1000 },
    )
    // Settings carry an ISO date-time format the fast check does not model: zod alone judges them.
    expect(compileFastCheck(SettingsSchema)).toBeNull()
  })

  it('checks a whole snapshot answer the way the contract does', () => {
    const schema = IpcResultSchema(FleetSnapshotSchema)
    const status = {
      source: 'live',
      accountUuid: 'a',
      fetchedAt: null,
      revision: 3,
      total: fleet.length,
      stale: false,
      notice: null,
      sync: {
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
      },
      poll: { intervalMs: 60000, effectiveIntervalMs: 60000, description: 'every 1 min', running: true },
    }
    const answer = { ok: true, data: { status, chargers: withFacts(fleet) } }
    expect(compileFastCheck(schema)!(answer)).toBe(true)
    agreesWithZod(schema, answer)
    const broken = { ok: true, data: { status: { ...status, revision: 'three' }, chargers: withFacts(fleet) } }
    expect(compileFastCheck(schema)!(broken)).toBe(false)
  })
})
