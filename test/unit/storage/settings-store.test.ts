import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '@shared/app-schemas'
import { SettingsStore } from '@main/storage/settings-store'
import { fullDiskFs } from './storage-fakes'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plugfleet-settings-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('SettingsStore', () => {
  it('starts from the defaults when there is no file', async () => {
    expect(await new SettingsStore(dir).load()).toEqual(DEFAULT_SETTINGS)
  })

  it('saves a change so that the next start sees it, keeping the fields not changed', async () => {
    const store = new SettingsStore(dir)
    await store.load()
    await store.update({ pollIntervalSec: 120 })
    const after = await store.update({ startAtLogin: true })
    expect(after).toEqual({ ...DEFAULT_SETTINGS, pollIntervalSec: 120, startAtLogin: true })
    expect(await new SettingsStore(dir).load()).toEqual(after)
  })

  it('loses neither of two changes made at the same time', async () => {
    const store = new SettingsStore(dir)
    await Promise.all([store.update({ hiddenColumns: ['firmware'] }), store.update({ offlineNotifyDelayMin: 30 })])
    expect(await new SettingsStore(dir).load()).toMatchObject({
      hiddenColumns: ['firmware'],
      offlineNotifyDelayMin: 30,
    })
  })

  it('refuses an invalid change with a clear message and keeps the saved settings', async () => {
    const store = new SettingsStore(dir)
    await store.update({ pollIntervalSec: 90 })
    await expect(store.update({ pollIntervalSec: 5 })).rejects.toMatchObject({
      code: 'invalid-settings',
      message: expect.stringContaining('pollIntervalSec'),
    })
    await expect(store.update({ colour: 'red' } as never)).rejects.toMatchObject({ code: 'invalid-settings' })
    expect(await new SettingsStore(dir).load()).toMatchObject({ pollIntervalSec: 90 })
  })

  it('fills in settings added since the file was written', async () => {
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ pollIntervalSec: 300 }))
    expect(await new SettingsStore(dir).load()).toEqual({ ...DEFAULT_SETTINGS, pollIntervalSec: 300 })
  })

  it('sets an unusable file aside, notes it once and uses the defaults', async () => {
    await writeFile(join(dir, 'settings.json'), '{"pollIntervalSec": 30, "startAt')
    const store = new SettingsStore(dir)
    expect(await store.load()).toEqual(DEFAULT_SETTINGS)
    expect(store.lastSetAside?.reason).toContain('not valid JSON')
    expect(await readFile(store.lastSetAside!.movedTo, 'utf8')).toBe('{"pollIntervalSec": 30, "startAt')
    expect(await store.load()).toEqual(DEFAULT_SETTINGS)
    expect(store.lastSetAside).toBeNull()
  })

  it('sets aside a file with an impossible value', async () => {
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ pollIntervalSec: 1 }))
    const store = new SettingsStore(dir)
    expect(await store.load()).toEqual(DEFAULT_SETTINGS)
    expect(store.lastSetAside?.reason).toContain('pollIntervalSec')
  })

  it('says the disk is full and keeps the previous settings on disk', async () => {
    const store = new SettingsStore(dir)
    await store.update({ pollIntervalSec: 90 })
    const full = new SettingsStore(dir, { fs: fullDiskFs() })
    await full.load()
    await expect(full.update({ pollIntervalSec: 600 })).rejects.toMatchObject({
      code: 'settings-write-failed',
      message: 'Your settings could not be saved (the disk is full).',
    })
    expect(await new SettingsStore(dir).load()).toMatchObject({ pollIntervalSec: 90 })
    expect(await readdir(dir)).toEqual(['settings.json'])
  })
})
