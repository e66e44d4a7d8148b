// Plugs ChargerActions into a FleetApp from outside it, until the app's command table takes it in (see the
// issue-12 branch's report): the app's syncer factory hands each session's client and rate budget to the
// actions too (one budget for polling and for charger calls), sign-out detaches them, and the command table
// is the app's handlers plus the charger commands.
import type { Charger } from '@shared/plugchoice-schemas'
import type { FleetApp } from '../core/fleet-app'
import type { PlugchoiceClient } from '../api/plugchoice-client'
import type { CommandTable } from '../ipc/command-dispatch'
import { FleetSyncer } from '../sync/fleet-sync'
import { RateBudget } from '../sync/rate-budget'
import { chargerCommandHandlers } from './action-handlers'
import { ChargerActions, type ChargerActionsDeps } from './charger-actions'

export interface ChargerActionsPlug {
  actions: ChargerActions
  /** For FleetAppDeps.createSyncer. */
  createSyncer: (client: PlugchoiceClient) => FleetSyncer
  /** The whole command table, once the app exists. */
  connect: (app: FleetApp) => CommandTable
}

export function chargerActionsPlug(
  options: { userDataDir: string; log?: (line: string) => void } & Partial<ChargerActionsDeps>,
): ChargerActionsPlug {
  let app: FleetApp | null = null
  const log = options.log ?? ((line: string) => console.log(`[plugfleet] ${line}`))
  const actions = new ChargerActions({
    ...options,
    log,
    lookup: async () => {
      const chargers = app ? (await app.handlers['fleet:snapshot'](undefined)).chargers : []
      const byUuid = new Map<string, Charger>(chargers.map((charger) => [charger.uuid, charger]))
      return (uuid) => byUuid.get(uuid)
    },
    actionSink: (entry) => app?.recordAction(entry),
    accountUuid: async () => (app ? ((await app.handlers['auth:status'](undefined)).account?.uuid ?? null) : null),
  })
  return {
    actions,
    createSyncer: (client) => {
      const budget = new RateBudget()
      actions.attach(client, budget)
      return new FleetSyncer({ client, budget, log })
    },
    connect: (fleetApp) => {
      app = fleetApp
      let account: string | null = null
      fleetApp.on('auth:changed', (status) => {
        if (status.state === 'signed-out' && account) void actions.signedOut(account)
        else if (status.state === 'signed-out' || status.state === 'token-rejected') actions.detach()
        account = status.account?.uuid ?? account
        if (status.state === 'signed-out') account = null
      })
      return { ...fleetApp.handlers, ...chargerCommandHandlers(actions) }
    },
  }
}
