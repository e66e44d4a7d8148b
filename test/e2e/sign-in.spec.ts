// Issue 5, sign-in screen: the token form, every outcome as a clear message, the demo fleet.
import { test, expect } from './fixtures'
import { expectShown, saveScreenshot, signInAndWait, totalLine } from './ui-helpers'

test.describe('sign-in', () => {
  test('a good token shows the whole fleet of that account', async ({ app, sim }, testInfo) => {
    const field = app.getByLabel('Personal access token')
    // Masked, but never a password field (a browser would offer to save the token: password-manager.spec.ts).
    await expect(field).toHaveAttribute('type', 'text')
    await expect(field).toHaveCSS('-webkit-text-security', 'disc')
    await expect(app.getByText('Settings › Personal Access Tokens')).toBeVisible()
    await saveScreenshot(app, testInfo, 'sign-in')

    await field.fill(sim.token)
    await app.getByRole('button', { name: 'Show token' }).click()
    await expect(field).toHaveCSS('-webkit-text-security', 'none')
    await app.getByRole('button', { name: 'Hide token' }).click()
    await expect(field).toHaveCSS('-webkit-text-security', 'disc')

    await signInAndWait(app, sim.token, sim.fleet.length)
    await expect(app.getByText(sim.user.email!, { exact: true })).toBeVisible()
    await expectShown(app, sim.fleet.length)
    await expect(app.getByRole('button', { name: 'Sign out' })).toBeVisible()
  })

  test('a rejected token says so, keeps the form and signs nothing in', async ({ app, sim }) => {
    await app.getByLabel('Personal access token').fill('1|not-a-token-plugchoice-knows')
    await app.getByRole('button', { name: 'Sign in' }).click()
    await expect(app.getByRole('alert')).toContainText('rejected')
    await expect(app.getByLabel('Personal access token')).toHaveValue('1|not-a-token-plugchoice-knows')
    await expect(app.getByRole('grid')).toHaveCount(0)
    // Plugchoice was asked once, with that token; nothing else happened in its name.
    expect(sim.requests.filter((r) => r.path.startsWith('/api/v3/chargers'))).toHaveLength(0)
  })

  test('an empty field asks for the token instead of calling Plugchoice', async ({ app, sim }) => {
    await app.getByRole('button', { name: 'Sign in' }).click()
    await expect(app.getByRole('alert')).toHaveText('Paste your personal access token first.')
    expect(sim.requests).toHaveLength(0)
  })

  test('Plugchoice unreachable: a clear message, and a retry works once it is back', async ({ app, sim }) => {
    // Checking a token is one request: drop it as a dead network would.
    sim.dropNext(1)
    await app.getByLabel('Personal access token').fill(sim.token)
    await app.getByRole('button', { name: 'Sign in' }).click()
    await expect(app.getByRole('alert')).toBeVisible({ timeout: 30_000 })
    await expect(app.getByRole('alert')).not.toContainText('rejected')
    await signInAndWait(app, sim.token, sim.fleet.length)
  })

  test('sign out returns to the sign-in screen', async ({ app, sim }) => {
    await signInAndWait(app, sim.token, sim.fleet.length)
    await app.getByRole('button', { name: 'Sign out' }).click()
    const confirm = app.getByRole('dialog', { name: 'Sign out?' })
    await expect(confirm).toContainText('the fleet history recorded on this computer')
    await confirm.getByRole('button', { name: 'Sign out and delete' }).click()
    await expect(app.getByLabel('Personal access token')).toBeVisible()
    await expect(totalLine(app, sim.fleet.length)).toHaveCount(0)
  })

  test('the demo fleet needs no token', async ({ app }) => {
    await app.getByRole('button', { name: 'Try the demo fleet' }).click()
    await expect(app.getByText('Demo fleet', { exact: true })).toBeVisible({ timeout: 30_000 })
    await expect(app.getByText(/^Updated .* ago$/)).toBeVisible({ timeout: 30_000 })
    expect(Number(await app.getByRole('grid').getAttribute('aria-rowcount'))).toBeGreaterThan(1)
  })
})
