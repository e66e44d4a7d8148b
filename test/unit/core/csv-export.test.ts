import { describe, expect, it } from 'vitest'
import { exportFileName, fleetCsv } from '../../../electron/main/core/csv-export'
import { ChargerSchema } from '../../../shared/plugchoice-schemas'

const charger = (fields: Record<string, unknown>) =>
  ChargerSchema.parse({ uuid: 'u1', identity: 'EVB-1', connection_status: 'online', status: 'Available', ...fields })

function parseCsv(csv: string): string[][] {
  // Small reader for the test only: quoted fields, doubled quotes, CRLF records.
  const rows: string[][] = [[]]
  let field = ''
  let quoted = false
  const text = csv.replace(/^\uFEFF/, '')
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++
      else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') rows.at(-1)!.push(field), (field = '')
    else if (ch === '\r' && text[i + 1] === '\n') rows.at(-1)!.push(field), (field = ''), rows.push([]), i++
    else field += ch
  }
  if (field || rows.at(-1)!.length) rows.at(-1)!.push(field)
  return rows.filter((row) => row.length > 0)
}

describe('CSV export', () => {
  it('writes a header and one row per charger, in the order given', () => {
    const csv = fleetCsv(
      [charger({ uuid: 'b', identity: 'B', status: 'Faulted', error: 'GroundFailure' }), charger({ uuid: 'a', identity: 'A' })],
      ['identity', 'health', 'error'],
    )
    expect(parseCsv(csv)).toEqual([
      ['Identity', 'Health', 'Error'],
      ['B', 'Fault', 'GroundFailure'],
      ['A', 'OK', ''],
    ])
  })

  it('defuses cells a spreadsheet would run as a formula', () => {
    const csv = fleetCsv(
      [
        charger({ reference: '=HYPERLINK("http://evil","x")' }),
        charger({ reference: '+1+1' }),
        charger({ reference: '-2' }),
        charger({ reference: '@SUM(A1)' }),
        charger({ reference: 'Depot, bay "7"' }),
      ],
      ['reference'],
    )
    expect(parseCsv(csv).slice(1).map((row) => row[0])).toEqual([
      `'=HYPERLINK("http://evil","x")`,
      `'+1+1`,
      `'-2`,
      `'@SUM(A1)`,
      'Depot, bay "7"',
    ])
  })

  it('keeps AC/DC, firmware and the vendor from the model', () => {
    const csv = fleetCsv(
      [charger({ model: { vendor: 'ABB', name: 'Terra 54', is_dc: true }, parsed_firmware_version: '1.8.2', max_current: 125 })],
      ['vendor', 'model', 'current_type', 'firmware', 'max_current'],
    )
    expect(parseCsv(csv)[1]).toEqual(['ABB', 'Terra 54', 'DC', '1.8.2', '125'])
  })

  it('names the file after the time of export', () => {
    expect(exportFileName(new Date('2026-11-24T14:05:09Z'))).toBe('plugchoice-fleet-2026-11-24-1405.csv')
  })
})
