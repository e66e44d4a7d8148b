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
      ['B', 'Fault', 'Ground failure'],
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

  it('writes words instead of API codes, and the reason as a column of its own', () => {
    const csv = fleetCsv(
      [
        charger({ identity: 'A', connection_status: 'never_seen', status: null }),
        charger({ identity: 'B', connection_status: 'offline', status: 'SuspendedEV', error: 'NoError' }),
        charger({ identity: 'C', status: 'Faulted', error: 'EVCommunicationError' }),
        charger({ identity: 'D', connection_status: 'sleeping', status: 'Available', blocked: true }),
      ],
      ['identity', 'health', 'reason', 'connection', 'status', 'error'],
    )
    const rows = parseCsv(csv)
    expect(rows[0]).toEqual(['Identity', 'Health', 'Why', 'Connection', 'OCPP status', 'Error'])
    expect(rows[1]!.slice(3)).toEqual(['Never connected', '', ''])
    expect(rows[2]!.slice(3)).toEqual(['Offline', 'Suspended by the EV', ''])
    expect(rows[3]!.slice(3)).toEqual(['Online', 'Faulted', 'EV communication error'])
    // A code the app does not know is kept as received.
    expect(rows[4]![3]).toBe('sleeping')
    for (const row of rows.slice(1)) expect(row[2]).not.toBe('')
  })

  it('writes times as a spreadsheet reads a date, in one zone named in the header', () => {
    const csv = fleetCsv(
      [
        charger({ last_heartbeat_at: '2026-11-24T13:05:09Z', last_disconnection_at: null }),
        charger({ last_heartbeat_at: 'not a time' }),
      ],
      ['last_heartbeat_at', 'last_disconnection_at'],
      { timeZone: 'Europe/Amsterdam' },
    )
    expect(parseCsv(csv)).toEqual([
      ['Last heartbeat (Europe/Amsterdam)', 'Last disconnection (Europe/Amsterdam)'],
      ['2026-11-24 14:05:09', ''],
      ['not a time', ''],
    ])
  })

  it('names the file after the time of export', () => {
    expect(exportFileName(new Date('2026-11-24T14:05:09Z'))).toBe('plugchoice-fleet-2026-11-24-1405.csv')
  })
})
