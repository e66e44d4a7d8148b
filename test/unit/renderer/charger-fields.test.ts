import { describe, expect, it } from 'vitest'
import { ChargerSchema } from '@shared/plugchoice-schemas'
import { detailSections } from '@renderer/lib/charger-fields'

const charger = ChargerSchema.parse({
  uuid: 'u-1',
  id: 7,
  identity: 'EVB-1',
  reference: '<b>Garage</b>',
  connection_status: 'online',
  status: 'Available',
  error: 'NoError',
  server: 'ocpp.example',
  blocked: false,
  setup_pending: false,
  setup_completed: true,
  licenses: { smart: true, pro: false, fleet: true },
  permissions: { basic: true, sensitive: false, full: false },
  model: { vendor: 'Alfen', name: 'Eve', is_dc: false, phases: 3 },
  created_at: '2026-01-10T01:14:32.000000Z',
  last_heartbeat_at: null,
  tariff_group: { name: 'Night' },
  solar_mode: 'eco',
})

const all = detailSections(charger)
const field = (key: string) => all.flatMap((s) => s.fields).find((f) => f.key === key)

describe('detail panel fields', () => {
  it('lists the documented fields with their values as received', () => {
    expect(field('reference')?.value).toBe('<b>Garage</b>')
    expect(field('server')?.value).toBe('ocpp.example')
    expect(field('licenses.smart')?.value).toBe(true)
    expect(field('permissions.sensitive')?.value).toBe(false)
    expect(field('setup_completed')?.value).toBe(true)
    expect(field('model.vendor')?.value).toBe('Alfen')
    expect(field('created_at')).toMatchObject({ kind: 'timestamp', value: '2026-01-10T01:14:32.000000Z' })
  })

  it('shows absent and null values as missing rather than hiding the field', () => {
    expect(field('last_heartbeat_at')?.value).toBeNull()
    expect(field('vendor_error_code')?.value).toBeNull()
  })

  it('keeps fields the app does not know, also inside known objects', () => {
    const other = all.find((s) => s.title === 'Other fields from Plugchoice')
    expect(other?.fields.map((f) => [f.key, f.value])).toEqual([
      ['licenses.fleet', 'true'],
      ['model.phases', '3'],
      ['tariff_group', '{"name":"Night"}'],
      ['solar_mode', 'eco'],
    ])
  })

  it('has no "other" section when every field is known', () => {
    const plain = ChargerSchema.parse({ uuid: 'u-2', identity: 'X' })
    expect(detailSections(plain).map((s) => s.title)).not.toContain('Other fields from Plugchoice')
  })
})
