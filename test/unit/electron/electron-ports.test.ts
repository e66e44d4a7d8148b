import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => import('../../fakes/electron'))

import { app, BrowserWindow, dialog, resetFakeElectron, shell } from '../../fakes/electron'
import { electronPorts } from '@main/electron/electron-ports'
import { AppError } from '@main/core/app-error'

let dir: string

beforeEach(async () => {
  resetFakeElectron()
  dir = await mkdtemp(join(tmpdir(), 'plugfleet-export-'))
  app.paths.downloads = dir
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('Electron desktop ports', () => {
  it('offers a save dialog in Downloads, modal to the window, and writes the file there', async () => {
    const window = new BrowserWindow({})
    const ports = electronPorts(() => window as never)
    dialog.nextSave = { canceled: false, filePath: join(dir, 'my-fleet.csv') }
    await expect(ports.saveExport('plugchoice-fleet-2026-11-24.csv', 'identity\nA-1\n', 1)).resolves.toEqual({
      status: 'saved',
      path: join(dir, 'my-fleet.csv'),
      rows: 1,
    })
    expect(await readFile(join(dir, 'my-fleet.csv'), 'utf8')).toBe('identity\nA-1\n')
    expect(dialog.saveDialogs[0]).toMatchObject({ defaultPath: join(dir, 'plugchoice-fleet-2026-11-24.csv') })
    expect(dialog.saveDialogs[0]!.filters).toEqual([{ name: 'CSV (comma-separated values)', extensions: ['csv'] }])
  })

  it('a cancelled dialog writes nothing', async () => {
    const ports = electronPorts(() => null)
    dialog.nextSave = { canceled: true, filePath: '' }
    await expect(ports.saveExport('x.csv', 'a', 1)).resolves.toEqual({ status: 'cancelled' })
  })

  it('a failed write is a clear error, without the path', async () => {
    const ports = electronPorts(() => null)
    // A file where the chosen folder should be: fails the same way for every user, root included.
    await writeFile(join(dir, 'not-a-folder'), 'x')
    dialog.nextSave = { canceled: false, filePath: join(dir, 'not-a-folder', 'fleet.csv') }
    const error = await ports.saveExport('fleet.csv', 'a', 1).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('export-failed')
    expect((error as AppError).message).toBe('The export was not saved: A part of the path is not a folder.')
  })

  it('opens only Plugchoice URLs in the browser', async () => {
    const ports = electronPorts(() => null)
    await expect(ports.openExternal('https://app.plugchoice.com/chargers/5')).resolves.toBe(true)
    await expect(ports.openExternal('https://evil.example/')).resolves.toBe(false)
    expect(shell.opened).toEqual(['https://app.plugchoice.com/chargers/5'])
  })
})
