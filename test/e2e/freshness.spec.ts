// Issue 9, "Freshness never lies" and "First sync of a big fleet": the data's age during a sync, a refresh the
// rate budget holds back, and a first sync whose rows arrive page by page. Screenshots of each state at
// 1024×640 and 1280×800, light and dark.
import { test, expect, signIn } from './fixtures'
import { saveScreenshotMatrix } from './screenshot-matrix'
import { bodyRows, signInAndWait, totalLine } from './ui-helpers'

test.describe('during a sync', () => {
  test('the line keeps the time of the data shown, and Refresh says it is refreshing', async ({
    app,
    sim,
  }, testInfo) => {
    await signInAndWait(app, sim.token, sim.fleet.length)
    sim.setLatency(4_000)
    await app.getByRole('button', { name: 'Refresh' }).click()
    await expect(app.getByText(/^Syncing….* · showing data from \d/)).toBeVisible()
    await expect(app.getByRole('button', { name: 'Refreshing…' })).toBeDisabled()
    // A sync over live data is not stale: rows keep their live look.
    await expect(bodyRows(app).first().locator('.badge')).not.toHaveAttribute('title', /last known/)
    await saveScreenshotMatrix(app, testInfo, 'syncing')
    sim.setLatency(0)
  })
})

test.describe('a refresh the rate budget holds back', () => {
  // 1,000 chargers at 25 a page: 40 requests a sync, so another one at once would break the app's share.
  test.use({ simOptions: { fleetSize: 1_000, seed: 11, latencyMs: 0, maxPerPage: 0 } })

  test('says when it will run and why, and the button matches', async ({ app, sim }, testInfo) => {
    await signInAndWait(app, sim.token, sim.fleet.length)
    await app.getByRole('button', { name: 'Refresh' }).click()
    await expect(
      app.getByText(/^Updated .* · Refreshing at \d.* — staying within your Plugchoice rate limit$/),
    ).toBeVisible()
    await expect(app.getByRole('button', { name: /^Refresh at \d/ })).toBeDisabled()
    await saveScreenshotMatrix(app, testInfo, 'refresh-later')
  })
})

test.describe('a first sync of a big fleet with nothing cached', () => {
  test.setTimeout(90_000)
  // 2,000 chargers at 25 a page, each page slow: 80 pages take seconds, and the rows must not wait for them.
  test.use({ simOptions: { fleetSize: 2_000, seed: 12, latencyMs: 700, maxPerPage: 0 } })

  test('shows rows as pages arrive, counted "so far", then the whole fleet', async ({ app, sim }, testInfo) => {
    await signIn(app, sim.token)
    await expect(app.getByText(/^[\d,]+ chargers so far$/)).toBeVisible({ timeout: 15_000 })
    await expect(app.getByText(/^Loading your fleet… [\d,]+ chargers so far/)).toBeVisible()
    await expect(bodyRows(app).first()).toBeVisible()
    // Filter counts of a list still arriving are marked as counted so far.
    await expect(
      app.getByRole('group', { name: 'Filter by health' }).locator('.count[title="Counted so far"]').first(),
    ).toHaveText(/^[\d,]+\+$/)
    await saveScreenshotMatrix(app, testInfo, 'first-sync-so-far')
    await expect(totalLine(app, 2_000)).toBeVisible({ timeout: 60_000 })
    await expect(app.getByText(/^Updated .* ago$/)).toBeVisible({ timeout: 30_000 })
    await expect(app.getByText(/so far/)).toHaveCount(0)
  })
})
