// What FleetApp is built from and what it tells its hosts (the Electron adapters, the web preview, tests).
import type { EventPayload } from '@shared/ipc-contract'
import type { EventName } from '@shared/ipc-channels'
import type { PlugchoiceClient } from '../api/plugchoice-client'
import type { NotificationSpec } from '../notifications/notification-policy'
import type { TokenVault } from '../secrets/token-vault'
import type { Clock } from '../sync/clock'
import type { ChargerActionsDeps } from '../charger-actions/charger-actions'
import type { FleetSyncer } from '../sync/fleet-sync'
import type { RateBudget } from '../sync/rate-budget'
import type { TrayState } from '../tray/tray-policy'
import type { DemoApi } from './auth-session'
import type { DemoStart } from './demo-api'
import type { DesktopPorts } from './desktop-ports'

export type RendererEvents = { [E in EventName]: EventPayload<E> }
export type AppEvents = RendererEvents & { tray: TrayState; notify: NotificationSpec }
export type RefreshReason = 'user' | 'resume' | 'network' | 'tray' | 'start'

export type ChargerActionTimings = Partial<
  Pick<ChargerActionsDeps, 'now' | 'sleep' | 'random' | 'watch' | 'pollEveryMs' | 'freshMs'>
>

export interface FleetAppDeps {
  userDataDir: string
  /** Where the history's database lives; the user-data folder by default. */
  historyDir?: string
  apiBase: URL
  vault: TokenVault
  ports: DesktopPorts
  clock?: Clock
  startDemoApi?: (options?: DemoStart) => Promise<DemoApi>
  createClient?: (base: URL, token: string) => PlugchoiceClient
  /**
   * Builds the syncer for a session on the session's request budget, which the charger actions share (tests
   * inject a sleep that does not wait).
   */
  createSyncer?: (client: PlugchoiceClient, budget: RateBudget) => FleetSyncer
  /** Timings of the charger actions (tests: a restart watch of milliseconds, a sleep that records). */
  chargerActions?: ChargerActionTimings
  log?: (line: string) => void
}
