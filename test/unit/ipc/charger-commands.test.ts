// The charger commands at the IPC gate: a write without the confirm never reaches its handler, the table's
// charger handlers answer through the dispatcher, and a table without them says so instead of failing.
import { describe, expect, it } from 'vitest'
import { dispatchCommand, type ChargerCommandHandlers, type CommandTable } from '@main/ipc/command-dispatch'

function table(charger: Partial<ChargerCommandHandlers> = {}): CommandTable {
  return new Proxy(charger as CommandTable, {
    get: (target, key) => (target as Record<string, unknown>)[key as string],
  })
}

const outcome = { uuid: 'c1', outcome: 'accepted', answer: 'Accepted', message: 'ok', at: '2026-03-01T09:00:00.000Z' }

describe('charger commands at the gate', () => {
  it('refuses a restart or a bulk command that does not carry the confirm, before any handler runs', async () => {
    let sent = 0
    const h = table({
      'charger:restart': async () => (sent++, outcome as never),
      'bulk:start': async () => (sent++, {}) as never,
    })
    for (const request of [{ uuid: 'c1' }, { uuid: 'c1', confirmed: false }, { uuid: 'c1', confirmed: 'yes' }]) {
      expect(await dispatchCommand(h, 'charger:restart', request)).toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      })
    }
    expect(await dispatchCommand(h, 'bulk:start', { action: 'restart-hard', uuids: ['a'] })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    })
    expect(
      await dispatchCommand(h, 'bulk:start', { action: 'format-disk', uuids: ['a'], confirmed: true }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-request' } })
    expect(sent).toBe(0)
    expect(await dispatchCommand(h, 'charger:restart', { uuid: 'c1', confirmed: true })).toEqual({
      ok: true,
      data: outcome,
    })
    expect(sent).toBe(1)
  })

  it('says the app cannot do it yet when the charger handlers are not plugged in', async () => {
    expect(await dispatchCommand(table(), 'charger:detail', { uuid: 'c1' })).toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'This version of the app cannot do that yet.' },
    })
  })
})
