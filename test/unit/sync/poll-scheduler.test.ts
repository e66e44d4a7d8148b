// The poll scheduler on a fake clock: hours of polling in milliseconds, with the rate it really holds.
import { describe, expect, it } from 'vitest'
import { PlugchoiceError } from '@main/api/api-errors'
import {
  describeInterval,
  effectiveIntervalMs,
  PollScheduler,
  type PollRunResult,
  type PollSchedulerStatus,
} from '@main/sync/poll-scheduler'
import { FakeClock, settle } from './fake-time'

const serverError = () =>
  new PlugchoiceError('server-error', 'Plugchoice had a server error (HTTP 500).', { status: 500 })

/** A run that records when it started and answers from `outcome(n)` (n counts from 0). */
function recordingRun(clock: FakeClock, outcome: (n: number) => PollRunResult | Error, durationMs = 2_000) {
  const starts: number[] = []
  const run = async (): Promise<PollRunResult> => {
    const n = starts.length
    starts.push(clock.now())
    await settle()
    clock.advance(durationMs)
    const result = outcome(n)
    if (result instanceof Error) throw result
    return result
  }
  return { run, starts }
}

async function runTimers(clock: FakeClock, count: number): Promise<void> {
  for (let i = 0; i < count; i++) if (!(await clock.runNextTimer())) return
}

describe('PollScheduler', () => {
  it('keeps within the budget however often a refresh is asked for', async () => {
    const clock = new FakeClock()
    // 3,000 chargers at 25 per page: 120 requests a sync, so at most one sync every 1 min 15 s.
    const { run, starts } = recordingRun(clock, () => ({ requests: 120, chargers: 3_000 }), 1_000)
    const scheduler = new PollScheduler({ run, clock, intervalMs: 15 * 60_000, random: () => 0.5 })
    scheduler.start()
    await settle()
    for (let i = 0; i < 3_000; i++) {
      await scheduler.requestRefresh()
      clock.advance(100)
      if (clock.pendingTimers > 0 && scheduler.status().nextRunAt! <= clock.now()) await clock.runNextTimer()
    }
    scheduler.stop()
    const minutes = (clock.now() - starts[0]!) / 60_000
    expect(starts.length).toBeGreaterThan(1) // refreshes do happen...
    expect((starts.length * 120) / minutes).toBeLessThanOrEqual(100 + 120 / minutes) // ...within the budget
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(72_000)
  })

  it('refreshes at once when the last run was long enough ago', async () => {
    const clock = new FakeClock()
    const { run, starts } = recordingRun(clock, () => ({ requests: 1, chargers: 20 }), 500)
    const scheduler = new PollScheduler({ run, clock, intervalMs: 60_000 })
    scheduler.start()
    await settle()
    clock.advance(20_000)
    await scheduler.requestRefresh()
    expect(starts).toHaveLength(2)
    scheduler.stop()
  })

  it('holds at most 100 requests a minute over 200 polls of an 8,000-charger fleet', async () => {
    const clock = new FakeClock()
    // 8,000 chargers at 25 per page (a server ignoring per_page): 320 requests per poll, plus the odd waste.
    const { run, starts } = recordingRun(clock, (n) => ({ requests: 320 + (n % 4), chargers: 8_000 }))
    const scheduler = new PollScheduler({ run, clock, intervalMs: 60_000, random: () => 0.5 })
    scheduler.start()
    await settle()
    while (starts.length < 200) expect(await clock.runNextTimer()).toBe(true)
    scheduler.stop()

    const requestsOf = (n: number) => 320 + (n % 4)
    let total = 0
    for (let i = 1; i < starts.length; i++) {
      const minutes = ((starts[i] as number) - (starts[i - 1] as number)) / 60_000
      expect(requestsOf(i - 1) / minutes).toBeLessThanOrEqual(100)
      total += requestsOf(i - 1)
    }
    const spanMinutes = ((starts.at(-1) as number) - (starts[0] as number)) / 60_000
    expect(total / spanMinutes).toBeLessThanOrEqual(100)
    expect(total / spanMinutes).toBeGreaterThan(90) // it stretches the interval, not stops polling

    const status = scheduler.status()
    expect(status.effectiveIntervalMs).toBeGreaterThan(status.intervalMs)
    expect(status.description).toMatch(/^every 3 min \d+ s for 8,000 chargers$/)
  })

  it('polls at the user’s interval when the fleet is small, and says so', async () => {
    const clock = new FakeClock()
    const { run, starts } = recordingRun(clock, () => ({ requests: 3, chargers: 42 }))
    const scheduler = new PollScheduler({ run, clock, intervalMs: 60_000 })
    scheduler.start()
    await settle()
    await runTimers(clock, 5)
    expect(starts.slice(1).map((t, i) => t - (starts[i] as number))).toEqual([60_000, 60_000, 60_000, 60_000, 60_000])
    expect(scheduler.status().description).toBe('every 1 min')
    expect(scheduler.status().nextRunAt).toBe((starts.at(-1) as number) + 60_000)
  })

  it('backs off after failures, growing to a cap, and resets on success', async () => {
    const clock = new FakeClock()
    const failing = new Set([0, 1, 2, 3, 4, 5, 6, 7, 9])
    const { run, starts } = recordingRun(
      clock,
      (n) => (failing.has(n) ? serverError() : { requests: 3, chargers: 42 }),
      0,
    )
    const states: PollSchedulerStatus[] = []
    const scheduler = new PollScheduler({
      run,
      clock,
      intervalMs: 60_000,
      random: () => 0.5,
      onState: (s) => states.push(s),
    })
    scheduler.start()
    await settle()
    await runTimers(clock, 10)
    const gaps = starts.slice(1).map((t, i) => t - (starts[i] as number))
    // Equal jitter at random() = 0.5: three quarters of 30 s, 60 s, 120 s … capped at 15 min.
    expect(gaps.slice(0, 8)).toEqual([22_500, 45_000, 90_000, 180_000, 360_000, 675_000, 675_000, 675_000])
    // Run 8 succeeded: back to the interval; run 9 failed: the backoff starts again from the bottom.
    expect(gaps[8]).toBe(60_000)
    expect(gaps[9]).toBe(22_500)
    expect(states.some((s) => s.consecutiveFailures === 8 && s.lastError?.code === 'server-error')).toBe(true)
    expect(scheduler.status().consecutiveFailures).toBe(0)
  })

  it('waits at least Retry-After after a 429', async () => {
    const clock = new FakeClock()
    const limited = new PlugchoiceError('rate-limited', 'rate limited', { status: 429, retryAfterMs: 240_000 })
    const { run, starts } = recordingRun(clock, (n) => (n === 0 ? limited : { requests: 3, chargers: 42 }), 0)
    const scheduler = new PollScheduler({ run, clock, intervalMs: 60_000, random: () => 0 })
    scheduler.start()
    await settle()
    await runTimers(clock, 1)
    expect((starts[1] as number) - (starts[0] as number)).toBe(240_000)
  })

  it('stops, and says why, when the token is rejected', async () => {
    const clock = new FakeClock()
    const rejected = new PlugchoiceError(
      'token-rejected',
      'Plugchoice rejected this token (it may be expired or revoked).',
      { status: 401 },
    )
    const { run, starts } = recordingRun(clock, (n) => (n === 2 ? rejected : { requests: 3, chargers: 42 }), 0)
    const states: PollSchedulerStatus[] = []
    const scheduler = new PollScheduler({ run, clock, intervalMs: 60_000, onState: (s) => states.push(s) })
    scheduler.start()
    await settle()
    await runTimers(clock, 5)
    expect(starts).toHaveLength(3)
    expect(clock.pendingTimers).toBe(0)
    expect(scheduler.status()).toMatchObject({ running: false, nextRunAt: null, stoppedBecause: 'token-rejected' })
    expect(states.at(-1)?.lastError?.code).toBe('token-rejected')
    // Signing in again starts it afresh.
    scheduler.start()
    await settle()
    expect(starts).toHaveLength(4)
    expect(scheduler.status().stoppedBecause).toBeNull()
  })

  it('triggerNow runs at once, or joins the run under way', async () => {
    const clock = new FakeClock()
    let calls = 0
    let finish!: (result: PollRunResult) => void
    const run = () => {
      calls++
      return new Promise<PollRunResult>((resolve) => (finish = resolve))
    }
    const scheduler = new PollScheduler({ run, clock, intervalMs: 60_000 })
    scheduler.start()
    const joined = scheduler.triggerNow()
    const joinedToo = scheduler.triggerNow()
    expect(calls).toBe(1)
    expect(scheduler.status().busy).toBe(true)
    finish({ requests: 3, chargers: 42 })
    await Promise.all([joined, joinedToo])
    expect(scheduler.status()).toMatchObject({ busy: false, nextRunAt: clock.now() + 60_000 })

    // A manual refresh between polls runs now and the next poll counts from it.
    clock.advance(20_000)
    const manual = scheduler.triggerNow()
    expect(calls).toBe(2)
    finish({ requests: 3, chargers: 42 })
    await manual
    expect(scheduler.status().nextRunAt).toBe(clock.now() + 60_000)
    expect(clock.pendingTimers).toBe(1)
  })

  it('does nothing while stopped', async () => {
    const clock = new FakeClock()
    let calls = 0
    const scheduler = new PollScheduler({
      run: async () => ({ requests: 1, chargers: calls++ }),
      clock,
      intervalMs: 60_000,
    })
    await scheduler.triggerNow()
    expect(calls).toBe(0)
    scheduler.start()
    await settle()
    scheduler.stop()
    expect(clock.pendingTimers).toBe(0)
    await scheduler.triggerNow()
    expect(calls).toBe(1)
  })

  it('never polls more often than every 15 s, and a new interval takes effect at once', async () => {
    const clock = new FakeClock()
    const { run, starts } = recordingRun(clock, () => ({ requests: 3, chargers: 42 }), 0)
    const scheduler = new PollScheduler({ run, clock, intervalMs: 1_000 })
    expect(scheduler.status().intervalMs).toBe(15_000)
    scheduler.start()
    await settle()
    scheduler.setIntervalMs(300_000)
    expect(scheduler.status().nextRunAt).toBe((starts[0] as number) + 300_000)
    scheduler.setIntervalMs(5)
    expect(scheduler.status()).toMatchObject({ intervalMs: 15_000, description: 'every 15 s' })
    await runTimers(clock, 1)
    expect((starts[1] as number) - (starts[0] as number)).toBe(15_000)
  })
})

describe('effectiveIntervalMs and describeInterval', () => {
  it('stretch the interval to the request budget and say so', () => {
    expect(effectiveIntervalMs(60_000, 53, 100)).toBe(60_000)
    expect(effectiveIntervalMs(60_000, 100, 100)).toBe(60_000)
    expect(effectiveIntervalMs(60_000, 320, 100)).toBe(195_000)
    expect(effectiveIntervalMs(15_000, 30, 100)).toBe(30_000)
    expect(describeInterval(60_000, 60_000, 42)).toBe('every 1 min')
    expect(describeInterval(60_000, 180_000, 8_000)).toBe('every 3 min for 8,000 chargers')
    expect(describeInterval(60_000, 195_000, 8_000)).toBe('every 3 min 15 s for 8,000 chargers')
    expect(describeInterval(15_000, 15_000, null)).toBe('every 15 s')
  })
})
