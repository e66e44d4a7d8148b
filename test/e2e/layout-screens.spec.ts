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

// Colour changes only colours, never layout: each size is walked once, and every screen on the way is scanned
// and shot in both schemes (axe's colour rules run again in dark), so six combinations cost three walks.
for (const size of SIZES) {
  test.describe(size.name, () => {
    test.use({ viewport: size.viewport, deviceScaleFactor: size.deviceScaleFactor, colorScheme: 'light' })
    // Eight axe scans and a wait for the stale state: more than one ordinary test's worth of work.
    test.setTimeout(120_000)

    test('sign-in, fleet, detail panel, menus and the stale list pass axe and fit the window, light and dark', async ({
      app,
      sim,
    }, testInfo) => {
      const fitsWidth = () => app.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)
      /** The screen as it is, in light and then dark: no serious axe finding, no sideways scroll, one shot each. */
      const screen = async (name: string, options: { scan?: boolean } = {}) => {
        for (const colorScheme of ['light', 'dark'] as const) {
          await app.emulateMedia({ colorScheme })
          if (options.scan !== false)
            expect(await seriousViolations(app, { colourOnly: colorScheme === 'dark' })).toEqual([])
          expect(await fitsWidth()).toBe(true)
          await saveScreenshot(app, testInfo, `${size.name}-${colorScheme}-${name}`)
        }
        await app.emulateMedia({ colorScheme: 'light' })
      }

      await expect(app.getByLabel('Personal access token')).toBeVisible()
      await screen('sign-in')

      await signInAndWait(app, sim.token, sim.fleet.length)
      // The header wraps rather than overflow the window: every action stays reachable.
      await expect(app.getByRole('button', { name: 'Sign out' })).toBeInViewport()
      await screen('fleet')

      await app.getByRole('button', { name: 'Columns' }).click()
      await expect(app.getByRole('group', { name: 'Columns shown' })).toBeVisible()
      await screen('columns-menu', { scan: false })
      await app.keyboard.press('Escape')

      await bodyRows(app).first().click()
      const panel = app.getByRole('complementary')
      await expect(panel).toBeFocused()
      await screen('detail')
      await app.keyboard.press('Escape')
      await expect(panel).toHaveCount(0)

      await sim.stop()
      await app.getByRole('button', { name: 'Refresh' }).click()
      await expect(app.getByText(/^Can't reach Plugchoice/)).toBeVisible({ timeout: 45_000 })
      await grid(app).scrollIntoViewIfNeeded()
      await screen('stale')
    })
  })
}
