// What the plain-Node app core needs from the desktop it runs in. The Electron adapters implement these
// with dialog/shell; the web preview implements them for a browser (a download, a refused open).
import type { ExportResult } from '@shared/app-schemas'

export interface DesktopPorts {
  /** Offers the CSV to the user (a save dialog in Electron; a download in the web preview). */
  saveExport(fileName: string, csv: string, rows: number): Promise<ExportResult>
  /** Opens an https Plugchoice URL in the user's browser (the core has checked it); false where it cannot. */
  openExternal(url: string): Promise<boolean>
}
