// The charger commands of the IPC contract (issue 12), answered by ChargerActions. Requests arrive validated
// by the dispatcher (a restart or bulk command cannot arrive without `confirmed: true`).
import type { ChargerCommandHandlers } from '../ipc/command-dispatch'
import type { ChargerActions } from './charger-actions'

export function chargerCommandHandlers(actions: ChargerActions): ChargerCommandHandlers {
  return {
    'charger:detail': async ({ uuid, refresh }) => actions.detail(uuid, refresh ?? false),
    'charger:log': async (request) => actions.log(request),
    'charger:restart': async ({ uuid }) => actions.restart(uuid),
    'charger:restart-watch': async ({ uuid }) => actions.restartWatch(uuid),
    'bulk:start': async ({ action, uuids }) => actions.startBulk(action, uuids),
    'bulk:run': async ({ runUuid }) => actions.bulkRun(runUuid),
  }
}
