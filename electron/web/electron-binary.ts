// Finds the Electron binary without triggering the electron package's lazy download (from 42 on, requiring
// `electron` downloads the binary on first use, which hangs then fails on a machine without GitHub).
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export type ElectronBinary = { found: true; path: string } | { found: false; reason: string }

export function findElectronBinary(env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  let packageDir: string
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  } catch {
    return { found: false, reason: 'the electron package is not installed (run npm install)' }
  }
  const pathFile = join(packageDir, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null
  const dist = env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist')
  if (!relative)
    return {
      found: false,
      reason: 'the Electron binary was never downloaded (node_modules/electron/path.txt is missing)',
    }
  const binary = join(dist, relative)
  return existsSync(binary)
    ? { found: true, path: binary }
    : { found: false, reason: `the Electron binary is missing (${binary})` }
}
