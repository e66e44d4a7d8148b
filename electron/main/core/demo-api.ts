// "Try the demo fleet": the simulated Plugchoice API, started in-process on loopback, read by the real
// client and sync engine. Its fleet changes over time so the tray and notifications have something to say.
import type { Charger } from '@shared/plugchoice-schemas'
import type { DemoApi } from './auth-session'

export const DEMO_FLEET_SIZE = 240
const SEED = 2026
const WEEK_MS = 7 * 86_400_000

export interface DemoStart {
  /**
   * Records a week of history for the demo account (its uuid) from the fleet as it was a week ago, and answers
   * the fleet as it is now, for the simulator to serve; null leaves the simulator's own fleet (history kept).
   */
  seedHistory?: (accountUuid: string, weekAgo: Charger[]) => Charger[] | null
}

export async function startDemoApi(options: DemoStart = {}): Promise<DemoApi> {
  // Loaded on demand: a signed-in user never pays for the simulator.
  const { generateFleet, startSimulatedApi } = await import('../sim/index')
  const sim = await startSimulatedApi({
    fleetSize: DEMO_FLEET_SIZE,
    seed: SEED,
    latencyMs: 60,
    dynamics: { intervalMs: 15_000, changesPerTick: 3 },
  })
  const now = options.seedHistory?.(sim.user.uuid, generateFleet(DEMO_FLEET_SIZE, SEED, Date.now() - WEEK_MS))
  if (now) sim.setFleet(now)
  return { baseUrl: sim.baseUrl, token: sim.token, stop: () => sim.stop() }
}
