// The desktop ports of the web preview: a browser tab has no save dialog and the server cannot open the
// user's browser, so the CSV goes back as a download and the renderer opens the Plugchoice link itself.
import type { DesktopPorts } from '@main/core/desktop-ports'

export const webPorts: DesktopPorts = {
  async saveExport(fileName, csv, rows) {
    return { status: 'download', fileName, csv, rows }
  },
  async openExternal() {
    return false
  },
}
