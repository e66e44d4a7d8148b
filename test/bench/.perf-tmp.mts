import { z } from 'zod'
import { generateFleet } from '/work/main/electron/main/sim/fleet-generator'
import { ChargerSchema } from '/work/main/shared/plugchoice-schemas'
const fleet = generateFleet(10000, 1)
const text = JSON.stringify({ schemaVersion: 1, accountUuid: 'a', fetchedAt: 'x', chargers: fleet })
const S = z.object({ schemaVersion: z.literal(1), accountUuid: z.string(), fetchedAt: z.string(), chargers: z.array(ChargerSchema) })
const E = z.object({ schemaVersion: z.literal(1), accountUuid: z.string(), fetchedAt: z.string(), chargers: z.array(z.unknown()) })
const t0 = performance.now(); S.safeParse(JSON.parse(text)); console.log('cold full', (performance.now()-t0).toFixed(1))
for (let i = 0; i < 6; i++) {
  const j = JSON.parse(text)
  let t = performance.now(); S.safeParse(j); const a = performance.now() - t
  const k = JSON.parse(text)
  t = performance.now(); const e = E.parse(k); for (const c of e.chargers) ChargerSchema.safeParse(c); const b = performance.now() - t
  console.log('array', a.toFixed(1), 'loop', b.toFixed(1))
}
