// "Try the demo fleet": the simulated Plugchoice API, started in-process on loopback, read by the real
// client and sync engine. Its fleet changes over time so the tray and notifications have something to say.
import type { DemoApi } from './auth-session'

export const DEMO_FLEET_SIZE = 240

export async function startDemoApi(): Promise<DemoApi> {
  // Loaded on demand: a signed-in user never pays for the simulator.
  const { startSimulatedApi } = await import('../sim/index')
  const sim = await startSimulatedApi({
    fleetSize: DEMO_FLEET_SIZE,
    seed: 2026,
    latencyMs: 60,
    dynamics: { intervalMs: 15_000, changesPerTick: 3 },
  })
  return { baseUrl: sim.baseUrl, token: sim.token, stop: () => sim.stop() }
}
