// What the detail panel and the Command results region say about OCPP messages, connectors and bulk results.
import { describe, expect, it } from 'vitest'
import { directionText, payloadText, readOut } from '@renderer/lib/ocpp-log-format'
import { resultsCsv, resultWord } from '@renderer/lib/command-results'
import { connectorBucket, worseConnector } from '@shared/connector-health'
import type { BulkRunView } from '@shared/charger-actions-schemas'
import type { Charger } from '@shared/plugchoice-schemas'

const entry = (method: string, params: unknown) => ({ id: 1, method, destination: 'centralsystem', params })

describe('OCPP log entries', () => {
  it('reads out StatusNotification and BootNotification, skipping absent fields', () => {
    expect(
      readOut(
        entry('StatusNotification', { connectorId: 2, status: 'Faulted', errorCode: 'GroundFailure', info: null }),
      ),
    ).toEqual([
      { label: 'Connector', value: '2' },
      { label: 'Status', value: 'Faulted' },
      { label: 'Error', value: 'GroundFailure' },
    ])
    expect(
      readOut(
        entry('BootNotification', { chargePointVendor: 'Alfen', chargePointModel: 'Eve', firmwareVersion: '6.1' }),
      ),
    ).toEqual([
      { label: 'Vendor', value: 'Alfen' },
      { label: 'Model', value: 'Eve' },
      { label: 'Firmware', value: '6.1' },
    ])
    expect(readOut(entry('Heartbeat', {}))).toEqual([])
  })

  it('names the direction and shows payloads as text', () => {
    expect(directionText(entry('Heartbeat', {}))).toBe('from charger')
    expect(directionText({ ...entry('Reset', {}), destination: 'charger' })).toBe('to charger')
    expect(payloadText({ a: '<b>' })).toBe('{\n  "a": "<b>"\n}')
    expect(payloadText(undefined)).toBe('(none)')
  })
})

describe('connector health', () => {
  const charger: Charger = { uuid: 'c', connection_status: 'online', status: 'Available', error: 'NoError' }
  it('flags a connector worse than the charger, and only then', () => {
    const ok = { connector_id: 1, status: 'Available', error: 'NoError' }
    const faulted = { connector_id: 2, status: 'Faulted', error: 'GroundFailure' }
    expect(connectorBucket(charger, faulted)).toBe('fault')
    expect(worseConnector(charger, [ok, faulted])).toEqual({ connectorId: 2, bucket: 'fault' })
    expect(worseConnector(charger, [ok])).toBeNull()
    expect(worseConnector({ ...charger, connection_status: 'offline' }, [ok, faulted])).toBeNull()
  })
})

describe('command results', () => {
  const run: BulkRunView = {
    runUuid: 'r',
    action: 'restart-soft',
    status: 'completed',
    total: 2,
    sent: 1,
    offline: 0,
    error: 0,
    skipped: 1,
    startedAt: '2026-03-01T09:00:00.000Z',
    problem: null,
    results: [
      {
        charger_uuid: 'a',
        status: 'sent',
        message: 'Accepted',
        executed_at: '2026-03-01T09:00:01Z',
        charger: { identity: '=HYPERLINK("x")' },
      },
      { charger_uuid: 'b', status: 'skipped_forbidden', message: 'Not sent, no permission', executed_at: null },
    ],
  }
  it('exports one row per charger, quoting commas and defusing formulas', () => {
    const csv = resultsCsv(run, new Map([['b', { uuid: 'b', identity: 'EVB-2', reference: 'Bay 2' }]]))
    expect(csv.split('\r\n')).toEqual([
      'identity,reference,uuid,outcome,message,executed_at',
      `"'=HYPERLINK(""x"")",,a,sent,Accepted,2026-03-01T09:00:01Z`,
      'EVB-2,Bay 2,b,skipped_forbidden,"Not sent, no permission",',
      '',
    ])
    expect(resultWord('skipped_forbidden')).toBe('Skipped: not allowed')
    expect(resultWord('Exploded')).toBe('Exploded')
  })
})
