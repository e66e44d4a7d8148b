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
// As Excel reads a file: a lone CR or LF outside quotes ends the row too.
const parseStrictRows = (csv: string): string[][] =>
  parse(csv, { bom: true, record_delimiter: ['\r\n', '\r', '\n'], relax_column_count: true })

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

  it('keeps a cell with a lone CR or LF in one row, and defuses every line of it', () => {
    const csv = fleetCsv(
      [
        charger({ identity: 'A', error_info: "x\r+cmd|' /C calc'!A0" }),
        charger({ identity: 'B', error_info: 'first\n=HYPERLINK("http://evil")' }),
        charger({ identity: 'C', error_info: 'ok\r\n@SUM(A1)' }),
      ],
      ['identity', 'error_info'],
    )
    const rows = parseStrictRows(csv)
    expect(rows).toEqual([
      ['Identity', 'Error info'],
      ['A', "x\r'+cmd|' /C calc'!A0"],
      ['B', 'first\n\'=HYPERLINK("http://evil")'],
      ['C', "ok\r\n'@SUM(A1)"],
    ])
  })

  it('defuses the full-width formula characters', () => {
    const csv = fleetCsv(
      ['\uFF1D1+1', '\uFF0B1', '\uFF0D1', '\uFF20SUM(A1)'].map((reference) => charger({ reference })),
      ['reference'],
    )
    expect(
      parseCsv(csv)
        .slice(1)
        .map((row) => row[0]),
    ).toEqual(["'\uFF1D1+1", "'\uFF0B1", "'\uFF0D1", "'\uFF20SUM(A1)"])
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
