// Imported first by main.ts, before any module builds a schema. zod 4 probes `new Function` when an object
// schema is built, to compile fast validators; the renderer's CSP forbids eval, so the probe only raises a
// CSP violation report. jitless skips the probe (schema-precheck.ts gives back the speed without eval).
import { config } from 'zod'

config({ jitless: true })
