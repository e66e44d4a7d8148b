import { describe, expect, it } from 'vitest'
import { ChargerSchema, type Charger } from '@shared/plugchoice-schemas'
import { withFacts } from '@shared/charger-facts'
import { chargerSummary } from '@shared/charger-summary'
import { createFormat } from '@shared/format'

const format = createFormat({ locale: 'en-GB', timeZone: 'UTC' })
const now = Date.parse('2026-03-10T17:30:00Z')
const summary = (fields: Partial<Charger>) =>
  chargerSummary(
    withFacts([ChargerSchema.parse({ uuid: 'u', identity: 'EVB-1', ...fields })], { now, format })[0]!,
    now,
    format,
  )

describe('the detail panel’s opening sentence', () => {
  it('says how long an offline charger has been gone, since when, and what it last said', () => {
    expect(
      summary({ connection_status: 'offline', status: 'Available', last_disconnection_at: '2026-03-10T00:14:00Z' }),
    ).toBe('Offline for 17 h, since 00:14. Last status: Available.')
  })

  it('writes an old start as a date, and names the error beside the status', () => {
    expect(
      summary({
        connection_status: 'offline',
        status: 'Faulted',
        error: 'GroundFailure',
        last_disconnection_at: '2026-01-12T08:00:00Z',
      }),
    ).toBe('Offline for 57 d, since 12 Jan 08:00. Last status: Faulted, error GroundFailure.')
  })

  it('never shows a bare NoError, and says when the start is not known', () => {
    expect(summary({ connection_status: 'online', status: 'Unavailable', error: 'NoError' })).toBe(
      'Attention; when it began is not known. Status: Unavailable.',
    )
  })
})
