import { afterEach, describe, expect, it } from 'vitest'
import { parse } from 'csv-parse/sync'
import { historyHandlers } from '@main/history/history-commands'
import { historyCommands } from '@shared/history-ipc'
import { HISTORY_COMMANDS, type HistoryCommandName } from '@shared/ipc-channels'
import { DEFAULT_SETTINGS } from '@shared/app-schemas'
import { backSince, harness, HOUR, MIN, offlineSince, online, T0, type Harness } from './history-fixtures'

let h: Harness
afterEach(() => h?.cleanup())

function setUp() {
  h = harness()
  const saved: { fileName: string; csv: string; rows: number }[] = []
  const handlers = historyHandlers({
    history: h.history,
    ports: {
      saveExport: async (fileName, csv, rows) => {
        saved.push({ fileName, csv, rows })
        return { status: 'saved', path: `/tmp/${fileName}`, rows }
      },
    },
    settings: () => DEFAULT_SETTINGS,
    now: () => h.clock.now,
  })
  // As the dispatcher does: the request through its schema, the answer checked against its schema.
  const call = async <C extends HistoryCommandName>(name: C, request?: unknown) => {
    const contract = historyCommands[name]
    const parsed = contract.request.parse(request)
    const handler = handlers[name] as (request: unknown) => Promise<unknown>
    return contract.response.parse(await handler(parsed)) as Awaited<ReturnType<(typeof handlers)[C]>>
  }
  return { call, saved }
}

describe('history commands', () => {
  it('answer every command within its schema, in the Activity and History words', async () => {
    const { call } = setUp()
    const a = online('a', { reference: '=cmd|" /c calc"!A1' })
    h.watch([a, online('b')], T0, T0 + HOUR)
    const down = offlineSince(a, T0 + HOUR + MIN)
    h.watch([down, online('b')], T0 + HOUR + MIN, T0 + 2 * HOUR)
    h.sync([backSince(down, T0 + 2 * HOUR + MIN), online('b')], T0 + 2 * HOUR + MIN)

    expect(HISTORY_COMMANDS.every((name) => name in historyCommands)).toBe(true)
    expect(await call('history:status')).toEqual({ open: true, notice: null })
    const activity = await call('history:activity', {})
    expect(activity.events.map((e) => e.kind)).toEqual(['came_back', 'went_offline'])
    const detail = await call('history:charger', { uuid: 'a' })
    expect(detail?.uptime.day.ratio).toBeCloseTo(0.5, 2)
    expect(await call('history:charger', { uuid: 'nobody' })).toBeNull()
    expect((await call('history:since-last-looked')).total).toBe(2)
    expect((await call('history:mark-seen')).total).toBe(0)
    const series = await call('history:fleet-series', { period: '24h' })
    expect(series.times).toHaveLength(288)
    expect(series.counts.offline.filter((n) => n === 1).length).toBeGreaterThan(0)
    expect(await call('history:flapping')).toEqual([])
  })

  it('exports the events of a period and an uptime report as CSV, defused', async () => {
    const { call, saved } = setUp()
    const a = online('a', { reference: '=cmd|" /c calc"!A1' })
    h.watch([a], T0, T0 + HOUR)
    h.watch([offlineSince(a, T0 + HOUR + MIN)], T0 + HOUR + MIN, T0 + 2 * HOUR)
    const period = { from: new Date(T0).toISOString(), to: new Date(T0 + 2 * HOUR + MIN).toISOString() }

    const events = await call('history:export-events', period)
    expect(events).toMatchObject({ status: 'saved', rows: 1 })
    const eventRows: string[][] = parse(saved[0]!.csv, { bom: true })
    expect(eventRows[1]?.slice(2, 6)).toEqual([`'=cmd|" /c calc"!A1 (A)`, 'went offline', 'OK', 'Offline'])
    expect(saved[0]?.fileName).toMatch(/^plugchoice-events-\d{4}-\d\d-\d\d-\d{4}\.csv$/)

    // Watched 2 h of the 2 h 1 min; up until it dropped at 1 h 1 min: 61 ÷ 120 min.
    await call('history:export-uptime', period)
    const uptime: string[][] = parse(saved[1]!.csv, { bom: true })
    expect(uptime[0]).toEqual([
      'Charger',
      'Uptime %',
      'Up (h)',
      'Known (h)',
      'Not watched (h)',
      'Longest outage (h)',
      'UUID',
    ])
    expect(uptime[1]?.slice(1, 5)).toEqual(['50.8', '1.02', '2.00', '0.02'])

    await expect(call('history:export-uptime', { from: period.to, to: period.from })).rejects.toThrow(/must come after/)
  })
})
