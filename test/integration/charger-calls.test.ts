// The one-charger client calls against the simulated Plugchoice API over real HTTP: the detail with its
// connectors (never the pincode), the significant OCPP log page by page, restart and bulk runs, and the
// sentences 403 / 404 / 422 / 504 become.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PlugchoiceError } from '@main/api/api-errors'
import { PlugchoiceClient } from '@main/api/plugchoice-client'
import { startSimulatedApi, type SimulatedApi } from '@main/sim'
import { connectorCount, hasFaultedSecondSocket } from '@main/sim/charger-detail-sim'
import { rejectsReset } from '@main/sim/charger-commands-sim'
import type { Charger } from '@shared/plugchoice-schemas'

let api: SimulatedApi
let client: PlugchoiceClient

beforeAll(async () => {
  api = await startSimulatedApi({
    fleetSize: 80,
    seed: 12,
    commands: { restartDowntimeMs: 300, bulkStepMs: 30, noAnswerMs: 20 },
  })
  client = new PlugchoiceClient({ base: new URL(api.baseUrl), token: api.token, timeoutMs: 5_000 })
})
afterAll(async () => {
  await api.stop()
})

const online = (c: Charger) => c.connection_status === 'online'
const find = (predicate: (c: Charger) => boolean): Charger => {
  const charger = api.fleet.find(predicate)
  if (!charger) throw new Error('the seeded fleet has no such charger')
  return charger
}

async function failure(promise: Promise<unknown>): Promise<PlugchoiceError> {
  const error = await promise.then(
    () => new Error('expected the call to fail'),
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(PlugchoiceError)
  return error as PlugchoiceError
}

describe('one charger', () => {
  it('reads the charger with its connectors in order, and drops the pincode the API sends', async () => {
    const twoSockets = find((c) => hasFaultedSecondSocket(c) && c.permissions?.sensitive === true)
    const { value, rate } = await client.getChargerDetail(twoSockets.uuid)
    expect(value.charger.uuid).toBe(twoSockets.uuid)
    expect(value.connectors.map((c) => c.connector_id)).toEqual([1, 2])
    expect(value.connectors[1]).toMatchObject({
      status: 'Faulted',
      error: 'GroundFailure',
      vendor_error_code: 'RCD-02',
    })
    // The charger itself still says Available-or-whatever at connector 0: only the detail shows socket 2.
    expect(value.charger.status).toBe(twoSockets.status)
    expect(rate.remaining).not.toBeNull()
    expect(JSON.stringify(value)).not.toContain('pincode')
    expect(JSON.stringify(value)).not.toContain('4711')

    const single = find((c) => connectorCount(c) === 1 && online(c))
    expect((await client.getChargerDetail(single.uuid)).value.connectors).toHaveLength(1)
  })

  it('reads the significant OCPP log newest first, page by page, and by method', async () => {
    const charger = find((c) => online(c))
    const first = (await client.getChargerLogs(charger.uuid)).value
    expect(api.requests.at(-1)?.path).toContain('filter%5Bhide_insignificant%5D=1')
    expect(first.data).toHaveLength(25)
    expect(first.data.some((entry) => entry.method === 'MeterValues')).toBe(false)
    const times = first.data.map((entry) => Date.parse(entry.created_at!))
    expect([...times].sort((a, b) => b - a)).toEqual(times)
    expect(first.links?.next).toBeTruthy()
    expect(first.filter_options?.methods).toContain('StatusNotification')

    const second = (await client.getChargerLogs(charger.uuid, { page: 2 })).value
    expect(second.meta?.current_page).toBe(2)
    expect(new Set([...first.data, ...second.data].map((e) => e.id)).size).toBe(first.data.length + second.data.length)

    const boots = (await client.getChargerLogs(charger.uuid, { method: 'BootNotification' })).value
    expect(boots.data.length).toBeGreaterThan(0)
    expect(boots.data.every((entry) => entry.method === 'BootNotification')).toBe(true)
  })

  it('says when Plugchoice does not know the charger', async () => {
    const error = await failure(client.getChargerDetail('no-such-charger'))
    expect(error.code).toBe('not-found')
    expect(error.message).toContain('HTTP 404')
  })
})

describe('restart', () => {
  it('answers the charger’s word: Accepted (then it goes offline and comes back with a BootNotification) or Rejected', async () => {
    const charger = find((c) => online(c) && c.permissions?.full === true && !rejectsReset(c))
    expect((await client.restartCharger(charger.uuid)).value.status).toBe('Accepted')
    expect(api.requests.at(-1)).toMatchObject({ method: 'POST', status: 200 })
    expect(api.fleet.find((c) => c.uuid === charger.uuid)?.connection_status).toBe('offline')
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(api.fleet.find((c) => c.uuid === charger.uuid)?.connection_status).toBe('online')
    const log = (await client.getChargerLogs(charger.uuid)).value.data.map((entry) => entry.method)
    expect(log.slice(0, 3)).toEqual(['StatusNotification', 'BootNotification', 'Reset'])

    const stubborn = find((c) => online(c) && c.permissions?.full === true && rejectsReset(c))
    expect((await client.restartCharger(stubborn.uuid)).value.status).toBe('Rejected')
  })

  it('turns 403 and 504 into sentences about acting, never retried', async () => {
    const readOnly = find((c) => online(c) && c.permissions?.full === false)
    const forbidden = await failure(client.restartCharger(readOnly.uuid))
    expect(forbidden.code).toBe('forbidden')
    expect(forbidden.message).toMatch(/does not allow this token to restart this charger/)

    const offline = find((c) => c.connection_status === 'offline' && c.permissions?.full === true)
    const noAnswer = await failure(client.restartCharger(offline.uuid))
    expect(noAnswer.code).toBe('charger-no-answer')
    expect(noAnswer.message).toContain('did not answer in time')
  })
})

describe('bulk commands', () => {
  it('starts a run with 202 and reports it to completion, with offline and forbidden chargers named', async () => {
    const ready = api.fleet.filter((c) => online(c) && c.permissions?.full === true).slice(0, 2)
    const offline = find((c) => c.connection_status === 'offline' && c.permissions?.full === true)
    const readOnly = find((c) => c.permissions?.full === false)
    const ids = [...ready.map((c) => c.uuid), offline.uuid, readOnly.uuid]
    const started = (
      await client.startBulkCommand({
        command: 'TriggerMessage',
        data: { requestedMessage: 'StatusNotification' },
        charger_ids: ids,
      })
    ).value
    expect(api.requests.at(-1)).toMatchObject({ method: 'POST', status: 202 })
    expect(started).toMatchObject({ status: 'running', total_count: 4, skipped_count: 1 })

    let run = started
    for (let i = 0; i < 50 && run.status !== 'completed'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 40))
      run = (await client.getBulkRun(started.uuid)).value
    }
    expect(run).toMatchObject({
      status: 'completed',
      sent_count: 2,
      offline_count: 1,
      skipped_count: 1,
      error_count: 0,
    })
    const byUuid = new Map(run.results!.map((result) => [result.charger_uuid, result.status]))
    expect(byUuid.get(offline.uuid)).toBe('offline')
    expect(byUuid.get(readOnly.uuid)).toBe('skipped_forbidden')
  })

  it('names a refused (422) command as nothing sent', async () => {
    const error = await failure(client.startBulkCommand({ command: 'Reset', data: {}, charger_ids: [] as never }))
    expect(error.code).toBe('not-accepted')
    expect(error.message).toContain('Nothing was sent')
  })
})
