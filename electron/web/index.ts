// `npm run web [-- --port N] [-- --demo]`: wires the web preview and prints its URL (with the one-time
// secret) as the last start-up line, which scripts and the end-to-end tests read.
import { parseArgs } from 'node:util'
import { defaultUserDataDir } from './default-user-data-dir'
import { startWebPreview } from './web-preview'

const { values } = parseArgs({
  options: { port: { type: 'string', default: '5178' }, demo: { type: 'boolean', default: false } },
  strict: true,
})
const port = Number(values.port)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number (0 picks a free one), not "${values.port}".`)
  process.exit(2)
}

try {
  const preview = await startWebPreview({ port, demo: values.demo, userDataDir: defaultUserDataDir() })
  const shutdown = () => void preview.close().finally(() => process.exit(0))
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)
  console.log(`Plugchoice Fleet web preview${values.demo ? ' (demo fleet)' : ''}: open ${preview.url}`)
} catch (error) {
  console.error(`The web preview could not start: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}
