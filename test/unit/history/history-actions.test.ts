// Actions the user sent are history too (issue 12): one event per charger with the command and the answer,
// never a change of state (uptime and "since you last looked" are what they were), and the actions of the
// old actions-<account>.jsonl are taken in once.
import { afterEach, describe, expect, it } from 'vitest'
import { actionLine } from '@shared/history-words'
import { DAY, HOUR, MIN, T0, harness, offlineSince, online, type Harness } from './history-fixtures'

let h: Harness | null = null
afterEach(() => {
  h?.cleanup()
  h = null
})

describe('actions in the history', () => {
  it('records an action per charger with its answer, leaving uptime and the unseen count alone', () => {
    h = harness()
    const [a, b] = [online('a'), online('b')]
    h.watch([a, b], T0, T0 + HOUR)
    h.watch([offlineSince(a, T0 + HOUR), b], T0 + HOUR + MIN, T0 + 2 * HOUR)
    const uptimeBefore = h.history.uptimeAll(T0 - DAY, T0 + 2 * HOUR)
    const unseen = h.history.sinceLastLooked().total
    const outageBefore = h.history.chargerHistory('a')!.uptime.day

    h.clock.now = T0 + 2 * HOUR
    h.history.recordActions([{ at: T0 + 90 * MIN, action: 'restart', chargers: ['a', 'nobody'], answer: 'Accepted' }])
    h.history.recordActions([
      { at: h.clock.now, action: 'bulk restart (soft)', chargers: ['a', 'b'], answer: 'completed' },
    ])

    const shown = h.history.chargerHistory('a')!
    expect(shown.events.filter((e) => e.kind === 'action').map((e) => actionLine(e.action!, e.answer))).toEqual([
      'bulk restart (soft) sent — completed',
      'restart sent — Accepted',
    ])
    expect(shown.uptime.day).toEqual(outageBefore)
    expect(h.history.uptimeAll(T0 - DAY, T0 + 2 * HOUR)).toEqual(uptimeBefore)
    expect(h.history.sinceLastLooked().total).toBe(unseen)
    const activity = h.history.activity({ kinds: ['action'] })
    expect(activity.events.map((e) => e.label).sort()).toEqual(['A', 'A', 'B'])
  })

  it('takes in the earlier actions file once', () => {
    h = harness()
    h.watch([online('a')], T0, T0 + 10 * MIN)
    const earlier = [{ at: T0 - HOUR, action: 'restart', chargers: ['a'], answer: 'Rejected' }]
    expect(h.history.importActionsOnce(() => earlier)).toBe(1)
    h.reopen()
    expect(h.history.importActionsOnce(() => earlier)).toBe(0)
    const [event] = h.history.activity({ kinds: ['action'] }).events
    expect(event).toMatchObject({ action: 'restart', answer: 'Rejected', at: new Date(T0 - HOUR).toISOString() })
  })
})
