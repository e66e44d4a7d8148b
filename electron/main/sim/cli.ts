// Runs the simulated Plugchoice API by hand:
//   npx tsx electron/main/sim/cli.ts --port 8787 --size 500 --latency 50
// then point the app at it: PLUGCHOICE_API_BASE=<printed base URL>, and sign in with the printed token.
import { parseArgs } from 'node:util'
import { countBuckets } from '@shared/fleet-health'
import { withFacts } from '@shared/charger-facts'
import { startSimulatedApi } from './simulated-api'

const USAGE = `Usage: tsx electron/main/sim/cli.ts [options]
  --port N            port on 127.0.0.1 (default: a free one)
  --size N            chargers in the fleet (default 500)
  --seed N            fleet seed (default 1)
  --latency MS        added to every request (default 0)
  --token T           the accepted bearer token (default: a random one)
  --max-per-page N    cap for ?per_page= (0 ignores it; default 100)
  --rate-limit N      requests per minute (default 500)
  --changes N         chargers changing state every --every seconds (default 0: a still fleet)
  --every S           seconds between changes (default 15)`

function whole(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback
  const parsed = Number(value)
  if (!Number.isInteger(parsed) || parsed < 0) {
    console.error(`--${name} needs a whole number ≥ 0, got "${value}"\n\n${USAGE}`)
    process.exit(2)
  }
  return parsed
}

function parseOptions() {
  return parseArgs({
    options: {
      port: { type: 'string' },
      size: { type: 'string' },
      seed: { type: 'string' },
      latency: { type: 'string' },
      token: { type: 'string' },
      'max-per-page': { type: 'string' },
      'rate-limit': { type: 'string' },
      changes: { type: 'string' },
      every: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  })
}
const values = (() => {
  try {
    return parseOptions().values
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`)
    return process.exit(2)
  }
})()
if (values.help) {
  console.log(USAGE)
  process.exit(0)
}

const changes = whole('changes', values.changes, 0)
const api = await startSimulatedApi({
  port: whole('port', values.port, 0),
  fleetSize: whole('size', values.size, 500),
  seed: whole('seed', values.seed, 1),
  latencyMs: whole('latency', values.latency, 0),
  maxPerPage: whole('max-per-page', values['max-per-page'], 100),
  rateLimit: { limit: whole('rate-limit', values['rate-limit'], 500), windowMs: 60_000 },
  ...(values.token ? { token: values.token } : {}),
  ...(changes > 0
    ? { dynamics: { intervalMs: whole('every', values.every, 15) * 1000, changesPerTick: changes } }
    : {}),
})

const counts = countBuckets(withFacts(api.fleet))
console.log(`Simulated Plugchoice API with ${api.fleet.length} chargers: ${JSON.stringify(counts)}`)
console.log(`Base URL: ${api.baseUrl}`)
// A simulator's made-up token: printing it is the point (there is nothing real to leak).
console.log(`Token:    ${api.token}`)
console.log('Ctrl+C stops it.')

const shutdown = () => {
  void api.stop().then(() => process.exit(0))
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)
