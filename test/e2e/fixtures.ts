// Per-test world for the end-to-end tests: a simulated Plugchoice API (real HTTP), a fresh user-data folder,
// a keychain service name of its own, and the web preview process pointed at them.
import { test as base, expect, type Page } from '@playwright/test'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { startSimulatedApi, type SimulatedApi, type SimulatedApiOptions } from '@main/sim/index'
import { launchWebPreview, type WebPreviewProcess } from './web-preview-process'

export interface WebWorld {
  /** The running web preview (restart() starts a new process on the same user data and keychain entry). */
  preview: WebPreviewProcess
  restart(options?: { demo?: boolean }): Promise<WebPreviewProcess>
  userDataDir: string
  keychainService: string
}

export const test = base.extend<{
  simOptions: SimulatedApiOptions
  startInDemo: boolean
  sim: SimulatedApi
  web: WebWorld
  /** A page already at the app's URL. */
  app: Page
}>({
  simOptions: [{ fleetSize: 60, seed: 11, latencyMs: 0 }, { option: true }],
  startInDemo: [false, { option: true }],
  sim: async ({ simOptions }, use) => {
    const sim = await startSimulatedApi(simOptions)
    await use(sim)
    await sim.stop()
  },
  web: async ({ sim, startInDemo }, use) => {
    const userDataDir = await mkdtemp(join(tmpdir(), 'plugfleet-e2e-'))
    const keychainService = `plugfleet-e2e-${randomBytes(6).toString('hex')}`
    const env = {
      PLUGCHOICE_API_BASE: sim.baseUrl,
      PLUGFLEET_USER_DATA: userDataDir,
      PLUGFLEET_KEYCHAIN_SERVICE: keychainService,
    }
    let preview = await launchWebPreview({ env, demo: startInDemo })
    const world: WebWorld = {
      get preview() {
        return preview
      },
      async restart(options) {
        await preview.stop()
        preview = await launchWebPreview({ env, demo: options?.demo ?? startInDemo })
        return preview
      },
      userDataDir,
      keychainService,
    }
    await use(world)
    await preview.stop()
    await rm(userDataDir, { recursive: true, force: true })
  },
  app: async ({ page, web }, use) => {
    await page.goto(web.preview.url)
    await use(page)
  },
})

/** Signs in through the UI with the given token (the simulated API's by default). */
export async function signIn(page: Page, token: string): Promise<void> {
  await page.getByLabel('Personal access token').fill(token)
  await page.getByRole('button', { name: 'Sign in' }).click()
}

export { expect }
