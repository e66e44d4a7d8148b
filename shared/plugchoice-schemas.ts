// The shapes of the Plugchoice API this app reads (see ../shared/plugchoice-api.md in the workspace).
// Tolerant where the API is loose: unknown extra fields are kept (looseObject), documented nullables and
// absent fields are accepted, and unknown strings in connection_status / status / error are kept as they are.
// Strict where it matters: a charger needs a uuid, a page needs a data array.
import { z } from 'zod'
import { boundRecord, MAX_ID_LENGTH, MAX_PAGE_RECORDS, MAX_TEXT_LENGTH } from './record-bounds'

const text = z.string().max(MAX_TEXT_LENGTH).nullable().optional()
const timestamp = z.string().max(MAX_ID_LENGTH).nullable().optional()
const flag = z.boolean().nullable().optional()

export const ChargerModelSchema = z.looseObject({
  vendor: text,
  name: text,
  is_dc: flag,
})

export const ChargerSchema = z.looseObject({
  uuid: z.string().min(1).max(MAX_ID_LENGTH),
  id: z.number().int().nullable().optional(),
  identity: text,
  reference: text,
  /** Documented: online, offline, never_seen. Anything else is kept and shown as received. */
  connection_status: text,
  /** Charger-level OCPP status (Available, Faulted, Unavailable, ...), or null when never seen. */
  status: text,
  error: text,
  error_info: text,
  vendor_id: text,
  vendor_error_code: text,
  firmware_version: text,
  parsed_firmware_version: text,
  server: text,
  last_connection_at: timestamp,
  last_disconnection_at: timestamp,
  last_heartbeat_at: timestamp,
  setup_pending: flag,
  setup_completed: flag,
  blocked: flag,
  max_current: z.number().nullable().optional(),
  created_at: timestamp,
  updated_at: timestamp,
  licenses: z.looseObject({ smart: flag, pro: flag }).nullable().optional(),
  model_id: z.number().int().nullable().optional(),
  model: ChargerModelSchema.nullable().optional(),
  permissions: z.looseObject({ basic: flag, sensitive: flag, full: flag }).nullable().optional(),
})
export type Charger = z.infer<typeof ChargerSchema>
const CHARGER_FIELDS: ReadonlySet<string> = new Set(Object.keys(ChargerSchema.shape))

/** The page envelope of every list endpoint. Records are validated one by one (see parseChargerPage). */
export const PageEnvelopeSchema = z.looseObject({
  data: z.array(z.unknown()),
  links: z.looseObject({ first: text, last: text, prev: text, next: text }).nullable().optional(),
  meta: z
    .looseObject({
      current_page: z.number().nullable().optional(),
      from: z.number().nullable().optional(),
      to: z.number().nullable().optional(),
      per_page: z.number().nullable().optional(),
      path: text,
    })
    .nullable()
    .optional(),
})
export type PageEnvelope = z.infer<typeof PageEnvelopeSchema>

export const UserSchema = z.looseObject({
  uuid: z.string().min(1).max(MAX_ID_LENGTH),
  id: z.number().int().nullable().optional(),
  name: text,
  email: text,
  avatar: text,
  created_at: timestamp,
  updated_at: timestamp,
})
export type User = z.infer<typeof UserSchema>
const USER_RESPONSE_FIELDS: ReadonlySet<string> = new Set(['data', ...Object.keys(UserSchema.shape)])

/** `GET /user` has been seen both bare and wrapped in `{ data }`. */
export const UserResponseSchema = z.preprocess(
  (json) => boundRecord(json, USER_RESPONSE_FIELDS),
  z.union([z.looseObject({ data: UserSchema }).transform((wrapped) => wrapped.data), UserSchema]),
)

/** A record of a page that broke its schema: reported in the sync result, never silently dropped. */
export const RejectedRecordSchema = z.object({
  page: z.number().int(),
  index: z.number().int(),
  uuid: z.string().max(MAX_ID_LENGTH).nullable(),
  reason: z.string().max(MAX_TEXT_LENGTH),
})
export type RejectedRecord = z.infer<typeof RejectedRecordSchema>

export interface ParsedChargerPage {
  chargers: Charger[]
  rejected: RejectedRecord[]
  next: string | null
  perPage: number | null
  currentPage: number | null
}

/**
 * Validates one page: the envelope strictly, each record on its own so one bad record does not cost the
 * other 24. A broken envelope is `{ ok: false }`: the caller turns it into an invalid-response error.
 */
export function parseChargerPage(
  json: unknown,
  page: number,
): { ok: true; page: ParsedChargerPage } | { ok: false; reason: string } {
  const envelope = PageEnvelopeSchema.safeParse(json)
  if (!envelope.success) return { ok: false, reason: summarizeIssues(envelope.error) }
  const records = envelope.data.data
  if (records.length > MAX_PAGE_RECORDS) {
    return {
      ok: false,
      reason: `the page holds ${records.length} records; the most the app accepts is ${MAX_PAGE_RECORDS}`,
    }
  }
  const chargers: Charger[] = []
  const rejected: RejectedRecord[] = []
  records.forEach((record, index) => {
    const parsed = ChargerSchema.safeParse(boundRecord(record, CHARGER_FIELDS))
    if (parsed.success) chargers.push(parsed.data)
    else {
      const uuid =
        record && typeof record === 'object' && typeof (record as { uuid?: unknown }).uuid === 'string'
          ? (record as { uuid: string }).uuid.slice(0, MAX_ID_LENGTH)
          : null
      rejected.push({ page, index, uuid, reason: summarizeIssues(parsed.error).slice(0, MAX_TEXT_LENGTH) })
    }
  })
  return {
    ok: true,
    page: {
      chargers,
      rejected,
      next: envelope.data.links?.next ?? null,
      perPage: envelope.data.meta?.per_page ?? null,
      currentPage: envelope.data.meta?.current_page ?? null,
    },
  }
}

/** A short, human sentence from zod issues ("uuid: expected string, received undefined"). */
export function summarizeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ')
}
