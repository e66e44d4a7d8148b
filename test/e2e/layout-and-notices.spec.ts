// Issue 9, layout and the smaller things: the detail panel lies over the list where the list needs its width
// and sits beside it where there is room; text-only zoom (Chromium's default font size) widens the columns
// with their text; a keychain that cannot be reached is said once, honestly, and can be dismissed; a demo
// charger's "Open in Plugchoice" never opens the real site.
import type { Locator, Page } from '@playwright/test'
import { launchWebPreview } from './web-preview-process'
import { test, expect } from './fixtures'
import { bodyRows, grid, signInAndWait, totalLine } from './ui-helpers'

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const found = await locator.boundingBox()
  if (!found) throw new Error('not on screen')
  return found
}

async function openFirstCharger(app: Page): Promise<Locator> {
  await bodyRows(app).first().click()
  const panel = app.getByRole('complementary')
  await expect(panel).toBeVisible()
  return panel
}

test.describe('a window narrower than the list needs (1280×800)', () => {
  test('the detail panel lies over the list: the columns keep their width', async ({ app, sim }) => {
    await signInAndWait(app, sim.token, sim.fleet.length)
    const before = await box(grid(app))
    const panel = await openFirstCharger(app)
    const after = await box(grid(app))
    expect(after.width).toBe(before.width)
    const over = await box(panel)
    expect(over.x).toBeLessThan(after.x + after.width)
  })
})

test.describe('a wide window (1920×1080)', () => {
  test.use({ viewport: { width: 1920, height: 1080 } })
  test('the detail panel sits beside the list, which gives up the width', async ({ app, sim }) => {
    await signInAndWait(app, sim.token, sim.fleet.length)
    const before = await box(grid(app))
    const panel = await openFirstCharger(app)
    const after = await box(grid(app))
    const beside = await box(panel)
    expect(after.width).toBeLessThan(before.width)
    expect(beside.x).toBeGreaterThanOrEqual(after.x + after.width)
  })
})

test('text-only zoom: a larger default font widens the columns with their text', async ({ app, sim }) => {
  await signInAndWait(app, sim.token, sim.fleet.length)
  const reference = grid(app).getByRole('columnheader', { name: /^Reference/ })
  const normal = (await box(reference)).width
  // Chromium's own setting behind "font size" in its preferences: the text grows, the page is not zoomed.
  const cdp = await app.context().newCDPSession(app)
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 24 } })
  await expect.poll(() => app.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('24px')
  await expect.poll(async () => (await box(reference)).width).toBeGreaterThan(normal * 1.3)
  // The wider list scrolls sideways inside its frame; the page itself does not.
  const body = grid(app).locator('.body')
  expect(await body.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true)
  expect(await app.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true)
})

test.describe('no system keychain', () => {
  test('the sign-in screen says the token is kept in memory only, and the notice can be dismissed', async ({
    page,
    sim,
  }, testInfo) => {
    // A D-Bus address that leads nowhere: keytar cannot reach a Secret Service, as on a desktop without one.
    const preview = await launchWebPreview({
      env: {
        PLUGCHOICE_API_BASE: sim.baseUrl,
        PLUGFLEET_USER_DATA: testInfo.outputPath('user-data'),
        PLUGFLEET_KEYCHAIN_SERVICE: `plugfleet-e2e-nokeychain-${testInfo.workerIndex}`,
        DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/plugfleet-bus',
      },
    })
    try {
      await page.goto(preview.url)
      const notice = page.getByRole('note').filter({ hasText: 'The system keychain is unavailable' })
      await expect(notice).toBeVisible()
      await expect(notice).toContainText('kept in memory for this session only')
      // The help under the field does not promise what the notice says cannot happen.
      const help = page.getByText(/^Create one in the Plugchoice dashboard/)
      await expect(help).toContainText('kept in memory for this session only')
      await expect(help).not.toContainText('keychain')
      await notice.getByRole('button', { name: 'Dismiss' }).click()
      await expect(notice).toHaveCount(0)

      await page.getByLabel('Personal access token').fill(sim.token)
      await page.getByRole('button', { name: 'Sign in' }).click()
      await expect(totalLine(page, sim.fleet.length)).toBeVisible({ timeout: 30_000 })
      // Signed in, the news is another: this token will not be remembered.
      await expect(page.getByRole('note').filter({ hasText: 'Not saved' })).toContainText('asked for it again')
    } finally {
      await preview.stop()
    }
  })
})

test.describe('the demo fleet', () => {
  test.use({ startInDemo: true })
  test('"Open in Plugchoice" on a demo charger says it has no page there and opens nothing', async ({ app }) => {
    await expect(bodyRows(app).first()).toBeVisible({ timeout: 30_000 })
    const panel = await openFirstCharger(app)
    const opened: string[] = []
    app.context().on('page', (page) => opened.push(page.url()))
    await panel.getByRole('button', { name: 'Open in Plugchoice' }).click()
    await expect(app.getByText('This is a demo charger: it has no page on Plugchoice.')).toBeVisible()
    expect(opened).toEqual([])
    expect(app.url()).not.toContain('plugchoice.com')
  })
})
