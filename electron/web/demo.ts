// `npm run demo`: the app on the simulated fleet, no token needed. It starts Electron where it can; where
// the Electron binary is missing it says so in one line and serves the web preview instead.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { findElectronBinary } from './electron-binary'

const electron = findElectronBinary()
if (electron.found) {
  const child = spawn(electron.path, [join(import.meta.dirname, '..', '..'), '--demo'], { stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
} else {
  console.log(`Electron cannot start here (${electron.reason}); serving the web preview of the demo instead.`)
  process.argv.push('--demo')
  await import('./index')
}
