// Issue 5: the last good list survives Plugchoice going away or the token being revoked, and is labelled as
// cached, never passed off as live.
import { test, expect } from './fixtures'
import { saveScreenshotMatrix } from './screenshot-matrix'
import { bodyRows, expectShown, filterButton, saveScreenshot, signInAndWait, totalLine } from './ui-helpers'

test.describe('when Plugchoice cannot confirm the list', () => {
  test('the API going away: said within seconds in plain words, the detail one click away, all of it stale', async ({
    app,
    sim,
  }, testInfo) => {
    await signInAndWait(app, sim.token, sim.fleet.length)
    await sim.stop()
    await app.getByRole('button', { name: 'Refresh' }).click()

    // The first failed attempt is enough: not the last retry, and not the next poll.
    const freshness = app.getByText(
      /^Can't reach Plugchoice — showing data from .*, (under a minute|\d+ min) old\. Retrying at .*\.$/,
    )
    await expect(freshness).toBeVisible({ timeout: 8_000 })
    await expect(app.getByText('ECONNREFUSED')).toBeHidden()
    await app.getByText('Details', { exact: true }).click()
    await expect(app.getByText(/ECONNREFUSED.*127\.0\.0\.1:\d+/)).toBeVisible()
    // The list is still all there, and everything drawn from it says it is the last known state.
    await expect(totalLine(app, sim.fleet.length)).toBeVisible()
    await expect(totalLine(app, sim.fleet.length)).toHaveAttribute('title', /last known total/)
    await expectShown(app, sim.fleet.length)
    await expect(bodyRows(app).first().locator('.badge')).toHaveAttribute('title', /last known, not live/)
    await expect(bodyRows(app).first()).toContainText('(last known, not live)')
    await expect(filterButton(app, 'OK').locator('.count')).toHaveAttribute('title', /Last known count/)
    await expect(app.getByRole('grid').locator('.c-connection [title^="Last known"]').first()).toHaveText(
      'Online, last known',
    )
    await saveScreenshot(app, testInfo, 'fleet-cached')
    await saveScreenshotMatrix(app, testInfo, 'outage-details')
  })

  test('a token revoked while running: the list stays, marked, and signing in again resumes', async ({
    app,
    sim,
  }, testInfo) => {
    await signInAndWait(app, sim.token, sim.fleet.length)
    sim.revokeToken()
    await app.getByRole('button', { name: 'Refresh' }).click()

    await expect(app.getByRole('heading', { name: 'Signed out: Plugchoice rejected the token' })).toBeVisible({
      timeout: 30_000,
    })
    await expect(totalLine(app, sim.fleet.length)).toBeVisible()
    await expectShown(app, sim.fleet.length)
    await expect(app.getByText(/^Showing cached data from /)).toBeVisible()
    await saveScreenshot(app, testInfo, 'fleet-token-rejected')

    sim.setToken('2|a-fresh-token-for-the-same-account')
    await app.getByLabel('Personal access token').fill('2|a-fresh-token-for-the-same-account')
    await app.getByRole('button', { name: 'Sign in' }).click()
    await expect(app.getByRole('heading', { name: 'Signed out: Plugchoice rejected the token' })).toHaveCount(0)
    await expect(app.getByText(/^Updated .* ago$/)).toBeVisible({ timeout: 30_000 })
    await expectShown(app, sim.fleet.length)
  })

  test('a sync that changes one charger updates its row in place; selection, scroll and other rows stay', async ({
    app,
    sim,
  }) => {
    await signInAndWait(app, sim.token, sim.fleet.length)
    const rows = bodyRows(app)
    const uuid = (await rows.nth(2).getAttribute('data-uuid'))!
    const untouched = app.locator(`[data-uuid="${(await rows.nth(3).getAttribute('data-uuid'))!}"]`)
    await untouched.click()
    await app
      .getByRole('grid')
      .locator('.body')
      .evaluate((body) => (body.scrollTop = 40))
    await untouched.evaluate((row) => ((window as unknown as { __kept?: Element }).__kept = row))

    sim.updateCharger(uuid, { max_current: 63 })
    await app.getByRole('button', { name: 'Refresh' }).click()
    await expect(app.locator(`[data-uuid="${uuid}"]`)).toContainText('63 A', { timeout: 30_000 })
    expect(await untouched.evaluate((row) => (window as unknown as { __kept?: Element }).__kept === row)).toBe(true)
    await expect(untouched).toHaveAttribute('aria-selected', 'true')
    expect(
      await app
        .getByRole('grid')
        .locator('.body')
        .evaluate((body) => body.scrollTop),
    ).toBe(40)
  })
})

test.describe('the web preview server', () => {
  test('stopping says contact is lost, stops the spinner and turns the list stale; a page without the secret asks for the printed link', async ({
    app,
    sim,
    web,
  }, testInfo) => {
    await signInAndWait(app, sim.token, sim.fleet.length)
    // A sync under way when the bridge goes: the window cannot know how it ends, so it stops saying "syncing".
    sim.setLatency(30_000)
    await app.getByRole('button', { name: 'Refresh' }).click()
    await expect(app.locator('.freshness .spinner')).toBeVisible()
    await web.preview.stop()
    await expect(app.getByRole('alert').filter({ hasText: 'Lost contact with the app' })).toBeVisible({
      timeout: 30_000,
    })
    await expect(app.getByText(/^Lost contact with the app — showing data from .*, .* old\.$/)).toBeVisible()
    await expect(app.locator('.freshness .spinner')).toHaveCount(0)
    await expect(app.getByRole('button', { name: /^Refresh/ })).toBeDisabled()
    await expect(totalLine(app, sim.fleet.length)).toBeVisible()
    await expect(bodyRows(app).first().locator('.badge')).toHaveAttribute('title', /last known, not live/)
    await saveScreenshotMatrix(app, testInfo, 'bridge-lost')
    sim.setLatency(0)

    await web.restart()
    // The new server (new port, new secret) opened without the fragment: refused, and the page says what to do.
    await app.goto(web.preview.origin)
    await expect(app.getByRole('heading', { name: 'Open the link printed by npm run web' })).toBeVisible({
      timeout: 30_000,
    })
    await app.goto(web.preview.url)
    await expect(app.getByRole('heading', { name: 'Open the link printed by npm run web' })).toHaveCount(0)
    await expect(app.getByLabel('Personal access token').or(totalLine(app, sim.fleet.length))).toBeVisible({
      timeout: 30_000,
    })
  })
})
