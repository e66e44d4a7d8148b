// The API's data is bounded before it is kept: over real HTTP from the simulated API, a record with a huge
// text field or a huge unknown field arrives cut to size, and a page holding too many records is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PlugchoiceError } from '@main/api/api-errors'
import { PlugchoiceClient } from '@main/api/plugchoice-client'
import { startSimulatedApi, type SimulatedApi } from '@main/sim'
import { boundJson, capText, MAX_EXTRA_FIELD_BYTES, MAX_PAGE_RECORDS, MAX_TEXT_LENGTH } from '@shared/record-bounds'
import type { Charger } from '@shared/plugchoice-schemas'

let api: SimulatedApi
let client: PlugchoiceClient

beforeAll(async () => {
  api = await startSimulatedApi({ fleetSize: MAX_PAGE_RECORDS + 50, seed: 3, maxPerPage: 5000 })
  client = new PlugchoiceClient({ base: new URL(api.baseUrl), token: api.token, timeoutMs: 10_000 })
})
afterAll(async () => {
  await api.stop()
})

describe('bounded API data', () => {
  it('cuts long text and drops a 2 MB unknown field, keeping small unknown fields', async () => {
    const first = api.fleet[0] as Charger
    api.updateCharger(first.uuid, {
      error_info: 'E'.repeat(50_000),
      model: { vendor: 'V'.repeat(5000), name: 'ok' },
      huge_extra: 'x'.repeat(2 * 1024 * 1024),
      small_extra: { note: 'kept' },
    })
    const { page } = await client.getChargerPage(client.chargersUrl(1, 25), 1)
    const charger = page.chargers.find((c) => c.uuid === first.uuid) as Record<string, unknown> & Charger
    expect(charger.error_info).toHaveLength(MAX_TEXT_LENGTH)
    expect(charger.error_info?.endsWith('…')).toBe(true)
    expect(charger.model?.vendor).toHaveLength(MAX_TEXT_LENGTH)
    expect(charger.model?.name).toBe('ok')
    expect('huge_extra' in charger).toBe(false)
    expect(charger.small_extra).toEqual({ note: 'kept' })
    expect(JSON.stringify(charger).length).toBeLessThan(4 * MAX_TEXT_LENGTH + MAX_EXTRA_FIELD_BYTES)
  })

  it(`refuses a page of more than ${MAX_PAGE_RECORDS} records with a clear error`, async () => {
    const error = await client.getChargerPage(client.chargersUrl(1, MAX_PAGE_RECORDS + 50), 1).catch((e) => e)
    expect(error).toBeInstanceOf(PlugchoiceError)
    expect((error as PlugchoiceError).code).toBe('invalid-response')
    expect((error as PlugchoiceError).message).toContain(`the most the app accepts is ${MAX_PAGE_RECORDS}`)
    const { page } = await client.getChargerPage(client.chargersUrl(1, MAX_PAGE_RECORDS), 1)
    expect(page.chargers).toHaveLength(MAX_PAGE_RECORDS)
  })

  it('never cuts a surrogate pair in half', () => {
    const cut = capText('a'.repeat(8) + '😀😀', 10)
    expect(cut).toBe('a'.repeat(8) + '…')
    expect(capText('short', 10)).toBe('short')
  })
})

describe('a one-charger answer', () => {
  it('is cut to the contract’s bounds: long strings shortened, huge arrays and deep nesting dropped', () => {
    const deep = { a: { b: { c: { d: { e: { f: { g: { h: { i: 'too deep' } } } } } } } } }
    const bounded = boundJson({
      info: 'x'.repeat(50_000),
      list: Array.from({ length: 20_000 }, (_, i) => i),
      deep,
      ['k'.repeat(500)]: 'a key too long',
    }) as Record<string, unknown>
    expect((bounded.info as string).length).toBe(MAX_TEXT_LENGTH)
    expect((bounded.list as number[]).length).toBe(10_000)
    expect(JSON.stringify(bounded.deep)).not.toContain('too deep')
    expect(Object.keys(bounded)).toEqual(['info', 'list', 'deep'])
  })
})
