// Issue 9, acceptance: every screen at 1024×640 and 1280×800, light and dark, and at 200 % zoom (half the
// CSS pixels at twice the density, as Chromium's zoom does), scanned by axe and saved as screenshots.
import { test, expect } from './fixtures'
import { seriousViolations } from './a11y-scan'
import { bodyRows, grid, saveScreenshot, signInAndWait } from './ui-helpers'

const SIZES = [
  { name: '1024x640', viewport: { width: 1024, height: 640 }, deviceScaleFactor: 1 },
  { name: '1280x800', viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
  { name: 'zoom200', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 },
] as const

for (const size of SIZES) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`${size.name} ${colorScheme}`, () => {
      test.use({ viewport: size.viewport, deviceScaleFactor: size.deviceScaleFactor, colorScheme })
      // Four axe scans and a wait for the stale state: more than one ordinary test's worth of work.
      test.setTimeout(120_000)

      test('sign-in, fleet, detail panel, menus and the stale list pass axe and fit the window', async ({
        app,
        sim,
      }, testInfo) => {
        const shot = (screen: string) => saveScreenshot(app, testInfo, `${size.name}-${colorScheme}-${screen}`)
        const fitsWidth = () => app.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)

        await expect(app.getByLabel('Personal access token')).toBeVisible()
        expect(await seriousViolations(app)).toEqual([])
        expect(await fitsWidth()).toBe(true)
        await shot('sign-in')

        await signInAndWait(app, sim.token, sim.fleet.length)
        expect(await seriousViolations(app)).toEqual([])
        // The header wraps rather than overflow the window: every action stays reachable.
        expect(await fitsWidth()).toBe(true)
        await expect(app.getByRole('button', { name: 'Sign out' })).toBeInViewport()
        await shot('fleet')

        await app.getByRole('button', { name: 'Columns' }).click()
        await expect(app.getByRole('group', { name: 'Columns shown' })).toBeVisible()
        await shot('columns-menu')
        await app.keyboard.press('Escape')

        await bodyRows(app).first().click()
        const panel = app.getByRole('complementary')
        await expect(panel).toBeFocused()
        expect(await seriousViolations(app)).toEqual([])
        expect(await fitsWidth()).toBe(true)
        await shot('detail')
        await app.keyboard.press('Escape')
        await expect(panel).toHaveCount(0)

        await sim.stop()
        await app.getByRole('button', { name: 'Refresh' }).click()
        await expect(app.getByText(/^Can't reach Plugchoice/)).toBeVisible({ timeout: 45_000 })
        expect(await seriousViolations(app)).toEqual([])
        await grid(app).scrollIntoViewIfNeeded()
        await shot('stale')
      })
    })
  }
}
