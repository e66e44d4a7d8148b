import { describe, expect, it } from 'vitest'
import { exportFileName, fleetCsv } from '@main/core/csv-export'
import { withFacts } from '@shared/charger-facts'
import { ChargerSchema } from '@shared/plugchoice-schemas'
import { parse } from 'csv-parse/sync'

const charger = (fields: Record<string, unknown>) =>
  withFacts([
    ChargerSchema.parse({ uuid: 'u1', identity: 'EVB-1', connection_status: 'online', status: 'Available', ...fields }),
  ])[0]!

// Read back with csv-parse (csv-stringify's sibling), as a spreadsheet would read the file.
const parseCsv = (csv: string): string[][] => parse(csv, { bom: true })

describe('CSV export', () => {
  it('writes a header and one row per charger, in the order given', () => {
    const csv = fleetCsv(
      [
        charger({ uuid: 'b', identity: 'B', status: 'Faulted', error: 'GroundFailure' }),
        charger({ uuid: 'a', identity: 'A' }),
      ],
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
    expect(
      parseCsv(csv)
        .slice(1)
        .map((row) => row[0]),
    ).toEqual([`'=HYPERLINK("http://evil","x")`, `'+1+1`, `'-2`, `'@SUM(A1)`, 'Depot, bay "7"'])
  })

  it('keeps AC/DC, firmware and the vendor from the model', () => {
    const csv = fleetCsv(
      [
        charger({
          model: { vendor: 'ABB', name: 'Terra 54', is_dc: true },
          parsed_firmware_version: '1.8.2',
          max_current: 125,
        }),
      ],
      ['vendor', 'model', 'current_type', 'firmware', 'max_current'],
    )
    expect(parseCsv(csv)[1]).toEqual(['ABB', 'Terra 54', 'DC', '1.8.2', '125'])
  })

  it('names the file after the time of export', () => {
    expect(exportFileName(new Date('2026-11-24T14:05:09Z'))).toBe('plugchoice-fleet-2026-11-24-1405.csv')
  })
})
