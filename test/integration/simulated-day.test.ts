// The simulated day as a test, on a virtual clock: 12.5 h (every scripted fault of the day: 5xx burst, 429s with
// Retry-After, connection resets, the 10-minute outage of every charger, 2 h asleep, a revoked and replaced
// token) of a small fleet, against the targets of issue 10. `npm run bench` runs the whole 24 h and prints it.
import { describe, expect, it } from 'vitest'
import { simulateDay } from '../bench/simulated-day'

describe('a simulated day', () => {
  it('stays polite, quiet and leak-free through every fault of the day', async () => {
    const day = await simulateDay({ hours: 12.5, fleetSize: 150, changesPerMinute: 1 })
    expect(day.steadyRequestsPerMinuteMax).toBeLessThanOrEqual(100)
    expect(day.requestsPerMinuteMax).toBeLessThanOrEqual(100)
    expect(day.http429CausedByApp).toBe(0)
    expect(day.unhandledRejections).toBe(0)
    // 150 chargers offline for 10 minutes and back: digests, not 150 notifications each way.
    expect(day.outageNotifications).toBeGreaterThan(0)
    expect(day.outageNotifications).toBeLessThanOrEqual(10)
    // Polling carried on after the resume and after the replaced token: about one sync a minute when awake.
    expect(day.syncs).toBeGreaterThan(500)
    expect(day.heapGrowthAfterHour1MB).toBeLessThan(10)
  }, 180_000)
})
