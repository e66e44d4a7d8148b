// The desktop ports of the app core, in Electron: the CSV export goes through a native save dialog (modal to
// the window) and an atomic write; a Plugchoice link opens in the user's browser, behind the URL allowlist.
import { join } from 'node:path'
import { app, dialog, type BrowserWindow } from 'electron'
import type { ExportResult } from '@shared/app-schemas'
import type { DesktopPorts } from '../core/desktop-ports'
import { AppError } from '../core/app-error'
import { FileWriteError, writeFileAtomic } from '../storage/atomic-file'
import { openExternalSafely } from './security'

export function electronPorts(currentWindow: () => BrowserWindow | null): DesktopPorts {
  return {
    async saveExport(fileName: string, csv: string, rows: number): Promise<ExportResult> {
      const options = {
        title: 'Export chargers',
        defaultPath: join(app.getPath('downloads'), fileName),
        filters: [{ name: 'CSV (comma-separated values)', extensions: ['csv'] }],
      }
      const window = currentWindow()
      const choice =
        window && !window.isDestroyed()
          ? await dialog.showSaveDialog(window, options)
          : await dialog.showSaveDialog(options)
      if (choice.canceled || !choice.filePath) return { status: 'cancelled' }
      try {
        await writeFileAtomic(choice.filePath, csv)
      } catch (error) {
        const reason = error instanceof FileWriteError ? error.reason : 'The system refused the write'
        throw new AppError('export-failed', `The export was not saved: ${reason}.`, { cause: error })
      }
      return { status: 'saved', path: choice.filePath, rows }
    },
    openExternal: (url: string) => openExternalSafely(url),
  }
}
