// A keychain that does not answer (locked, waiting for the user to type a password in its own prompt) must
// not keep the app from opening: the window and the tray are up first, the page waits on "loading", and the
// app goes on as soon as the keychain answers.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => import('../../fakes/electron'))

let answerKeychain: (token: string | null) => void = () => undefined
const keychainAnswered = new Promise<string | null>((resolve) => (answerKeychain = resolve))
vi.mock('keytar', () => {
  const keytar = {
    getPassword: () => keychainAnswered,
    setPassword: async () => undefined,
    deletePassword: async () => true,
  }
  return { ...keytar, default: keytar }
})

import { app, BrowserWindow, FakeTray, ipcMain, resetFakeElectron } from '../../fakes/electron'

let userData: string
const saved = { ...process.env }

beforeAll(async () => {
  resetFakeElectron()
  userData = await mkdtemp(join(tmpdir(), 'plugfleet-startup-'))
  process.env.PLUGFLEET_USER_DATA = userData
  delete process.env.PLUGFLEET_DEMO
  delete process.env.ELECTRON_RENDERER_URL
  vi.spyOn(console, 'log').mockImplementation(() => {})
  await import('@main/index')
})

afterAll(async () => {
  answerKeychain(null)
  if (app.listenerCount('will-quit') === 0) app.quit()
  process.env = saved
  await rm(userData, { recursive: true, force: true })
})

describe('start-up with a keychain that has not answered yet', () => {
  it('opens the window and the tray before the keychain answers; auth:status says it is waiting, never signed out', async () => {
    // Loaded means navigated: the page can only ask once it is there (the fake sets `loaded` before it navigates).
    await vi.waitFor(() => expect(BrowserWindow.instances[0]?.webContents.loadedStatus).not.toBeNull(), {
      timeout: 20_000,
    })
    await vi.waitFor(() => expect(FakeTray.instances).toHaveLength(1))
    const window = BrowserWindow.instances[0]!
    const authStatus = () =>
      ipcMain.invokeFrom(window.webContents, window.webContents.mainFrame, 'auth:status', undefined) as Promise<{
        ok: boolean
        data?: { state: string; keychain: { waiting?: boolean } }
      }>
    // Before the keychain answers, the only answer is "waiting for the system keychain" (after a moment).
    await expect(authStatus()).resolves.toMatchObject({ ok: true, data: { keychain: { waiting: true } } })
    answerKeychain(null)
    await vi.waitFor(async () => {
      const answer = await authStatus()
      expect(answer).toMatchObject({ ok: true, data: { state: 'signed-out' } })
      expect(answer.data?.keychain.waiting).toBeUndefined()
    })
  })
})
