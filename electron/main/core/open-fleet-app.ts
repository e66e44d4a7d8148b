// The one way the desktop app and the web preview build the app: the real Plugchoice client, the OS keychain
// and the demo's simulated API behind its one door (demo-api.ts). They differ only in where data lives and in
// their desktop ports (save dialog and browser, or a download and the page's own link).
import { resolveApiBase } from '../api/api-base'
import { KeytarSecretStore } from '../secrets/keytar-secret-store'
import { keychainServiceName } from '../secrets/secret-store'
import { TokenVault } from '../secrets/token-vault'
import { startDemoApi } from './demo-api'
import type { DesktopPorts } from './desktop-ports'
import { FleetApp } from './fleet-app'

export interface FleetAppHost {
  userDataDir: string
  ports: DesktopPorts
  /** The script variables this host obeys (a packaged app none: script-env.ts). */
  env?: NodeJS.ProcessEnv
}

export function openFleetApp(host: FleetAppHost): Promise<FleetApp> {
  const env = host.env ?? process.env
  return FleetApp.open({
    userDataDir: host.userDataDir,
    apiBase: resolveApiBase(env.PLUGCHOICE_API_BASE),
    vault: new TokenVault(new KeytarSecretStore({ service: keychainServiceName(env) })),
    ports: host.ports,
    startDemoApi,
  })
}
