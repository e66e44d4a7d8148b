// The command table: each command of the IPC contract answered by one method of the app. Requests arrive
// validated by the dispatcher (ipc/command-dispatch.ts), whatever carried them.
import type { AppCommandHandlers } from '../ipc/command-dispatch'
import type { FleetApp } from './fleet-app'

export function fleetCommands(app: FleetApp): AppCommandHandlers {
  return {
    'auth:status': async () => app.authStatus(),
    'auth:sign-in': async ({ token }) => app.signIn(token),
    'auth:sign-out': async () => app.signOut(),
    'auth:start-demo': async () => app.startDemo(),
    'fleet:snapshot': async () => app.snapshot(),
    'fleet:refresh': async () => {
      app.refreshNow('user')
      return app.fleetStatus()
    },
    'fleet:export-csv': async ({ uuids, columns }) => app.exportCsv(uuids, columns),
    'settings:get': async () => app.currentSettings(),
    'settings:set': async (patch) => app.updateSettings(patch),
    'charger:open-in-plugchoice': async ({ uuid }) => app.openInPlugchoice(uuid),
  }
}
