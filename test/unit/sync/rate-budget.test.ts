import { describe, expect, it } from 'vitest'
import { RateBudget } from '@main/sync/rate-budget'

function budgetAt(start = 1_000_000) {
  let now = start
  const budget = new RateBudget({ now: () => now })
  return { budget, advance: (ms: number) => (now += ms) }
}

/** Sends one request that the server answers with this many left (of 500). */
function answered(budget: RateBudget, remaining: number, limit = 500): void {
  budget.requestStarted()
  budget.requestFinished({ limit, remaining })
}

describe('RateBudget', () => {
  it('lets requests go at once while plenty of the budget is left', () => {
    const { budget } = budgetAt()
    expect(budget.delayBeforeRequest()).toBe(0)
    answered(budget, 450)
    expect(budget.delayBeforeRequest()).toBe(0)
    answered(budget, 101)
    expect(budget.delayBeforeRequest()).toBe(0)
  })

  it('keeps the last 100 for the user’s other tools: waits for the window to refill', () => {
    const { budget, advance } = budgetAt()
    answered(budget, 300) // first answer of this window: it refills within 60 s of now
    advance(20_000)
    answered(budget, 100)
    expect(budget.delayBeforeRequest()).toBe(40_000)
    advance(40_000)
    expect(budget.delayBeforeRequest()).toBe(0)
  })

  it('counts requests still in flight against what is left', () => {
    const { budget } = budgetAt()
    answered(budget, 104)
    for (let i = 0; i < 3; i++) budget.requestStarted()
    expect(budget.delayBeforeRequest()).toBe(0) // 104 - 3 = 101 would leave the reserve whole
    budget.requestStarted()
    expect(budget.delayBeforeRequest()).toBeGreaterThan(0)
  })

  it('takes a late answer, overtaken by later ones, for older news, not for a new window', () => {
    const { budget, advance } = budgetAt()
    answered(budget, 300)
    for (let i = 0; i < 4; i++) budget.requestStarted()
    // The server counted them in order (299…296); the answers arrive out of it.
    budget.requestFinished({ limit: 500, remaining: 296 })
    budget.requestFinished({ limit: 500, remaining: 298 })
    expect(budget.remaining).toBe(296)
    budget.requestFinished({ limit: 500, remaining: 297 })
    budget.requestFinished({ limit: 500, remaining: 299 })
    expect(budget.remaining).toBe(296)
    // Nor does it move the refill: the window still refills 60 s after its first answer.
    advance(20_000)
    answered(budget, 100)
    expect(budget.delayBeforeRequest()).toBe(40_000)
  })

  it('still sees a new window when far more is left than in-flight requests explain', () => {
    const { budget, advance } = budgetAt()
    answered(budget, 150)
    advance(30_000)
    answered(budget, 499)
    expect(budget.remaining).toBe(499)
    advance(30_000)
    answered(budget, 100)
    // The new window was first seen 30 s ago: it refills 30 s from now.
    expect(budget.delayBeforeRequest()).toBe(30_000)
  })

  it('waits Retry-After after a 429, for every request', () => {
    const { budget, advance } = budgetAt()
    budget.rateLimited(7_000)
    expect(budget.delayBeforeRequest()).toBe(7_000)
    advance(5_000)
    expect(budget.delayBeforeRequest()).toBe(2_000)
    advance(2_000)
    expect(budget.delayBeforeRequest()).toBe(0)
  })

  it('keeps a fifth of a small limit rather than all of it', () => {
    const { budget } = budgetAt()
    answered(budget, 30, 50)
    expect(budget.reserve).toBe(10)
    expect(budget.delayBeforeRequest()).toBe(0)
    answered(budget, 10, 50)
    expect(budget.delayBeforeRequest()).toBeGreaterThan(0)
  })

  it('ignores answers without rate-limit headers', () => {
    const { budget } = budgetAt()
    budget.requestStarted()
    budget.requestFinished({ limit: null, remaining: null })
    budget.requestStarted()
    budget.requestFinished(null)
    expect(budget.delayBeforeRequest()).toBe(0)
    expect(budget.remaining).toBeNull()
  })
})
