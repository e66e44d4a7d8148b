// Where the web preview keeps cache and settings: PLUGFLEET_USER_DATA, else the folder Electron's
// app.getPath('userData') gives the desktop app, so both share one offline copy.
import { homedir } from 'node:os'
import { join } from 'node:path'
import { PRODUCT_NAME } from '@shared/constants'
import { resolveUserDataDir } from '@main/storage/user-data-dir'

export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const appData =
    platform === 'win32'
      ? (env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? join(homedir(), 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? join(homedir(), '.config'))
  return resolveUserDataDir(join(appData, PRODUCT_NAME), env)
}
