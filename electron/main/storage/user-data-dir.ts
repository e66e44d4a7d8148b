// Where the app keeps its files: `PLUGFLEET_USER_DATA` when set (tests, portable installs, several
// profiles side by side), otherwise the folder the platform gives (Electron's userData).
import { resolve } from 'node:path'

export function resolveUserDataDir(fallback: string, env: NodeJS.ProcessEnv = process.env): string {
  const override = env.PLUGFLEET_USER_DATA?.trim()
  return resolve(override || fallback)
}
