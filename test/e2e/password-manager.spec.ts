// The token field must not invite the browser's password manager to save the token. Only a headed Chromium
// shows that (a headless one has no save prompt), so this starts its own Xvfb and a persistent, headed
// Chromium, and reads chrome://password-manager-internals while a person's sign-in runs in another tab:
// a password field ends that log with "PENDING_PASSWORD_STATE" (the "Save password?" bubble), ours must not.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { test, expect } from './fixtures'
import { chromiumExecutable } from '../chromium-path'

const XVFB = '/usr/bin/Xvfb'

/** Starts Xvfb on a free display; resolves with its DISPLAY value. */
function startXvfb(): Promise<{ display: string; process: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const xvfb = spawn(XVFB, ['-displayfd', '1', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    })
    xvfb.once('error', reject)
    xvfb.stdout.once('data', (chunk) => resolve({ display: `:${String(chunk).trim()}`, process: xvfb }))
  })
}

test('the browser never offers to save the token as a password', async ({ web, sim }) => {
  test.skip(!existsSync(XVFB), 'needs Xvfb (apt-get install xvfb) for a headed Chromium')
  const xvfb = await startXvfb()
  const profile = await mkdtemp(join(tmpdir(), 'plugfleet-pw-profile-'))
  const context = await chromium.launchPersistentContext(profile, {
    headless: false,
    executablePath: chromiumExecutable(),
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-dev-shm-usage', '--disable-sync'],
    env: { ...process.env, DISPLAY: xvfb.display },
  })
  try {
    const internals = await context.newPage()
    await internals.goto('chrome://password-manager-internals')
    const app = await context.newPage()
    await app.goto(web.preview.url)
    await app.getByLabel('Personal access token').fill(sim.token)
    await app.getByRole('button', { name: 'Sign in' }).click()
    await expect(app.getByRole('button', { name: 'Sign out' })).toBeVisible()
    await app.waitForTimeout(1_500)
    const log = await internals.locator('body').innerText()
    // The log is live: the password manager did look at the page and its submission.
    expect(log).toContain('127.0.0.1')
    expect(log).not.toContain('PENDING_PASSWORD_STATE')
    expect(log).not.toContain('AskUserOrSavePassword')
  } finally {
    await context.close()
    xvfb.process.kill()
    await rm(profile, { recursive: true, force: true })
  }
})
