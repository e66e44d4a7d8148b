// What leaves the app about chargers at a person's request: a CSV of the chosen ones, and a charger's page in
// Plugchoice's own web app.
import type { ExportColumn, ExportResult } from '@shared/app-schemas'
import type { FleetCharger } from '@shared/charger-facts'
import { chargerWebUrl } from '@shared/plugchoice-web'
import { AppError } from './app-error'
import { exportFileName, fleetCsv } from './csv-export'
import type { DesktopPorts } from './desktop-ports'

export function exportChargers(
  chargers: readonly FleetCharger[],
  columns: readonly ExportColumn[],
  ports: DesktopPorts,
  now: number,
): Promise<ExportResult> {
  return ports.saveExport(exportFileName(new Date(now)), fleetCsv([...chargers], [...columns]), chargers.length)
}

export async function openChargerInPlugchoice(
  charger: FleetCharger | undefined,
  ports: DesktopPorts,
  options: { demo: boolean },
): Promise<{ url: string; opened: boolean }> {
  // A simulated charger's id is some real charger's on Plugchoice, or nobody's: its link is never opened.
  if (options.demo) throw new AppError('demo-charger', 'This is a demo charger: it has no page on Plugchoice.')
  if (!charger) throw new AppError('not-found', 'That charger is no longer in the fleet.')
  if (charger.id == null) throw new AppError('no-link', 'Plugchoice did not give this charger a web address.')
  const url = chargerWebUrl(charger.id)
  // electronegativity-justified OPEN_EXTERNAL_JS_CHECK: a DesktopPorts call, not shell; the URL is built here
  // by chargerWebUrl and the Electron port checks isAllowedExternalUrl() again.
  return { url, opened: await ports.openExternal(url) }
}
