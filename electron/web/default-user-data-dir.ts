// Where the web preview keeps cache and settings when PLUGFLEET_USER_DATA is not set: the same folder
// Electron's app.getPath('userData') gives the desktop app, so both share one offline copy.
import { homedir } from 'node:os'
import { join } from 'node:path'

const PRODUCT_NAME = 'Plugchoice Fleet'

export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.PLUGFLEET_USER_DATA) return env.PLUGFLEET_USER_DATA
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME)
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME)
}
