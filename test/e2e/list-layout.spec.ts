// The list's layout and the app around it, as a user notices them: a resized column keeps its width after a
// reload, the Columns menu closes on Esc and on a click elsewhere, the list is one tab stop, signing out leaves
// no charger on screen, the export's default takes every column, and Settings says how often it refreshes
// and which version this is.
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { withFacts } from '@shared/charger-facts'
import { test, expect, signIn } from './fixtures'
import { bodyRows, expectShown, grid, parseCsv, signInAndWait, totalLine } from './ui-helpers'
import { PRODUCT_NAME } from '@shared/constants'

/** The version the app is built with: package.json is its one home. */
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string
}

const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search chargers' })

/** How wide a column header is drawn, in CSS pixels. */
async function headerWidth(page: Page, name: string): Promise<number> {
  const box = await page.getByRole('columnheader', { name }).boundingBox()
  return box!.width
}

/** Where keyboard focus is: inside the list's grid, or somewhere else (described for the failure message). */
async function focusPlace(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement
    const inGrid = active?.closest('[role="grid"]')
    if (active?.getAttribute('role') === 'grid') return 'grid'
    if (inGrid) return `inside grid: ${active?.tagName} ${active?.getAttribute('aria-label') ?? ''}`
    return `outside: ${active?.tagName} ${active?.getAttribute('aria-label') ?? active?.textContent?.trim() ?? ''}`
  })
}

test.describe('the list layout', () => {
  test('a column resized with the keyboard or by dragging keeps its width after a reload', async ({
    app,
    sim,
    web,
  }) => {
    await signInAndWait(app, sim.token, sim.fleet.length)
    const handle = app.getByRole('separator', { name: 'Resize Reference' })
    const before = await headerWidth(app, 'Reference')
    const rem = await app.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))

    // Three presses of → widen it by three steps (1 rem each), and the handle says its new value.
    await handle.focus()
    for (let i = 0; i < 3; i++) await app.keyboard.press('ArrowRight')
    // The first step starts from the drawn width rounded to a tenth of a rem: within 0.1 rem of three steps on.
    await expect
      .poll(async () => Math.abs((await headerWidth(app, 'Reference')) - (before + 3 * rem)))
      .toBeLessThanOrEqual(0.1 * rem)
    const widened = await headerWidth(app, 'Reference')
    await expect(handle).toHaveAttribute('aria-valuetext', `${Math.round((widened / rem) * 10) / 10} rem`)

    // Dragging the Identity column's handle 80 px to the right.
    const identityBefore = await headerWidth(app, 'Identity')
    const box = (await app.getByRole('separator', { name: 'Resize Identity' }).boundingBox())!
    await app.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    await app.mouse.down()
    await app.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2, { steps: 4 })
    await app.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2, { steps: 4 })
    await app.mouse.up()
    await expect.poll(() => headerWidth(app, 'Identity')).toBeCloseTo(identityBefore + 80, -1)
    const dragged = await headerWidth(app, 'Identity')

    await app.goto(web.preview.url)
    await expect(totalLine(app, sim.fleet.length)).toBeVisible()
    await expect.poll(() => headerWidth(app, 'Reference')).toBeCloseTo(widened, 0)
    expect(await headerWidth(app, 'Identity')).toBeCloseTo(dragged, 0)

    // Delete gives the column its default width back.
    await app.getByRole('separator', { name: 'Resize Reference' }).focus()
    await app.keyboard.press('Delete')
    await expect.poll(() => headerWidth(app, 'Reference')).toBeLessThan(widened - rem)
  })

  test('the Columns menu closes on Esc and on a click outside it', async ({ app, sim }) => {
    await signInAndWait(app, sim.token, sim.fleet.length)
    const button = app.getByRole('button', { name: 'Columns' })
    const firmware = app.getByRole('checkbox', { name: 'Firmware' })

    await button.click()
    await expect(button).toHaveAttribute('aria-expanded', 'true')
    await expect(firmware).toBeVisible()
    await app.keyboard.press('Escape')
    await expect(button).toHaveAttribute('aria-expanded', 'false')
    await expect(firmware).toBeHidden()
    await expect(button).toBeFocused()

    await button.click()
    await expect(firmware).toBeVisible()
    // A click in the menu (toggling a column) leaves it open; a click elsewhere closes it.
    await firmware.uncheck()
    await expect(firmware).toBeVisible()
    await app.getByRole('heading', { level: 1 }).click()
    await expect(button).toHaveAttribute('aria-expanded', 'false')
    await expect(firmware).toBeHidden()
    await expect(app.getByRole('columnheader', { name: 'Firmware' })).toHaveCount(0)
  })

  test('the list body is one tab stop: Tab from the search lands in the list once, and on through it', async ({
    app,
    sim,
  }) => {
    await signInAndWait(app, sim.token, sim.fleet.length)
    const headerControls = 1 + 2 * ((await app.getByRole('columnheader').count()) - 1)

    /** Tabs from where focus is until it leaves the list (or too many): the stops on the way. */
    async function tabThrough(limit: number): Promise<string[]> {
      const stops: string[] = []
      for (let i = 0; i < limit; i++) {
        await app.keyboard.press('Tab')
        stops.push(await focusPlace(app))
        if (stops.at(-1)!.startsWith('outside')) break
      }
      return stops
    }
    const rowBoxes = (stops: string[]) => stops.filter((stop) => /^inside grid: INPUT Select (?!all )/.test(stop))

    await searchBox(app).focus()
    const toList: string[] = []
    while (toList.length < 10 && toList.at(-1) !== 'grid') {
      await app.keyboard.press('Tab')
      toList.push(await focusPlace(app))
    }
    const landing = toList.indexOf('grid')
    expect(landing, toList.join('\n')).toBeGreaterThanOrEqual(0)
    expect(toList.slice(0, landing).filter((stop) => stop.startsWith('inside'))).toEqual([])
    await expect(grid(app)).toBeFocused()

    // On through the header's controls (select all, sort, resize), the first row's box (the body's one stop
    // while no row is chosen), and out of the list.
    const firstBox = await bodyRows(app).first().getByRole('checkbox').getAttribute('aria-label')
    const onward = await tabThrough(headerControls + 5)
    expect(onward.at(-1), onward.join('\n')).toMatch(/^outside/)
    expect(onward.filter((stop) => stop === 'grid')).toEqual([])
    expect(rowBoxes(onward)).toEqual([`inside grid: INPUT ${firstBox}`])
    expect(onward.length).toBe(headerControls + 2)

    // With a row chosen, its box is the body's one stop (Space ticks it for a bulk command), never another row's.
    await grid(app).focus()
    await app.keyboard.press('ArrowDown')
    const chosen = bodyRows(app).and(app.locator('[aria-selected="true"]'))
    const name = await chosen.getByRole('checkbox').getAttribute('aria-label')
    const withRow = await tabThrough(headerControls + 5)
    expect(rowBoxes(withRow)).toEqual([`inside grid: INPUT ${name}`])
    expect(withRow.at(-1)).toMatch(/^outside/)
    expect(withRow.length).toBe(headerControls + 2)
  })
})

test.describe('signing out', () => {
  test('shows the sign-in screen with no charger left on it, and signing in again works', async ({ app, sim }) => {
    await signInAndWait(app, sim.token, sim.fleet.length)
    const someone = sim.fleet.find((c) => c.identity && c.reference)!
    await searchBox(app).fill(someone.identity!)
    await expectShown(app, 1)
    await bodyRows(app).first().click()
    await expect(app.getByRole('complementary').getByText(someone.uuid, { exact: true })).toBeVisible()

    await app.getByRole('button', { name: 'Sign out' }).click()
    await app.getByRole('dialog', { name: 'Sign out?' }).getByRole('button', { name: 'Sign out and delete' }).click()
    await expect(app.getByLabel('Personal access token')).toBeVisible()
    await expect(app.getByRole('button', { name: 'Sign in' })).toBeVisible()
    await expect(grid(app)).toHaveCount(0)
    await expect(app.getByRole('complementary')).toHaveCount(0)
    const text = await app.locator('body').innerText()
    for (const charger of sim.fleet.slice(0, 20)) {
      expect(text).not.toContain(charger.uuid)
      if (charger.identity) expect(text).not.toContain(charger.identity)
    }

    // Signing in again starts from a clean list: the whole fleet, no search, no panel.
    await signInAndWait(app, sim.token, sim.fleet.length)
    await expect(searchBox(app)).toHaveValue('')
    await expect(app.getByRole('complementary')).toHaveCount(0)
    await expectShown(app, sim.fleet.length)
  })
})

test.describe('exporting', () => {
  test('the default export ("All columns") has every column, even those hidden in the list', async ({ app, sim }) => {
    await signInAndWait(app, sim.token, sim.fleet.length)
    await app.getByRole('button', { name: 'Columns' }).click()
    await app.getByRole('checkbox', { name: 'Firmware' }).uncheck()
    await app.getByRole('checkbox', { name: 'Reference' }).uncheck()
    await app.keyboard.press('Escape')
    await expect(app.getByRole('columnheader', { name: 'Firmware' })).toHaveCount(0)

    const download = app.waitForEvent('download')
    await app.getByRole('button', { name: 'Export CSV' }).click()
    const all = app.getByRole('button', { name: 'All columns' })
    // The first choice, and the one Enter takes.
    await expect(all).toHaveClass(/primary/)
    await all.click()
    const file = await download
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone
    const rows = parseCsv(await readFile(await file.path(), 'utf8'))
    expect(rows[0]).toEqual([
      'Health',
      'Why',
      'Identity',
      'Reference',
      'Connection',
      `Last disconnection (${zone})`,
      'OCPP status',
      'Error',
      'Vendor error code',
      'Error info',
      'Vendor',
      'Model',
      'AC/DC',
      'Firmware',
      `Last heartbeat (${zone})`,
      'Max current (A)',
      'UUID',
    ])
    const body = rows.slice(1)
    expect(body).toHaveLength(sim.fleet.length)
    expect(new Set(body.map((row) => row.at(-1)))).toEqual(new Set(sim.fleet.map((c) => c.uuid)))
    // The hidden columns have their values.
    const byUuid = new Map(withFacts(sim.fleet).map((c) => [c.uuid, c]))
    for (const row of body) expect(row[3]).toBe(byUuid.get(row.at(-1)!)!.reference ?? '')
  })
})

test.describe('settings', () => {
  test('say how often the fleet is refreshed, and which version this is', async ({ app, sim }) => {
    await signIn(app, sim.token)
    await expect(totalLine(app, sim.fleet.length)).toBeVisible({ timeout: 30_000 })
    await app.getByRole('button', { name: 'Settings' }).click()
    const dialog = app.getByRole('dialog', { name: 'Settings' })
    await expect(dialog).toBeVisible()
    const poll = dialog.getByLabel('Refresh the fleet every')
    await expect(poll).toBeVisible()
    await expect(dialog.getByText(`${PRODUCT_NAME} ${version}`, { exact: true })).toBeVisible()

    // The choice is kept: a new interval is shown after the dialog is opened again.
    await poll.selectOption({ label: '5 minutes' })
    await dialog.getByRole('button', { name: 'Done' }).click()
    await expect(dialog).toBeHidden()
    await app.getByRole('button', { name: 'Settings' }).click()
    await expect(poll.locator('option:checked')).toHaveText('5 minutes')
  })
})

test.describe('settings of a fleet too large for the chosen interval', () => {
  // 700 chargers at 25 a page: 28 requests a refresh, more than a fifth of the rate limit allows every 15 s.
  test.use({ simOptions: { fleetSize: 700, seed: 11, latencyMs: 0, maxPerPage: 25 } })

  test('say how often the fleet is refreshed in practice', async ({ app, sim }) => {
    await signInAndWait(app, sim.token, sim.fleet.length)
    await app.getByRole('button', { name: 'Settings' }).click()
    const dialog = app.getByRole('dialog', { name: 'Settings' })
    const sentence = dialog.getByText(/^In practice every /)
    await expect(sentence).toHaveCount(0)
    await dialog.getByLabel('Refresh the fleet every').selectOption({ label: '15 seconds' })
    const words =
      `In practice every .+? for ${sim.fleet.length.toLocaleString('en-US')} chargers: a large fleet takes ` +
      'many requests per refresh, so the app stretches the interval to stay within a fifth of your Plugchoice ' +
      'rate limit, which you share with the portal and other tools\\.'
    await expect(sentence).toHaveText(new RegExp(`^\\s*${words.replaceAll(' ', '\\s+')}\\s*$`), { timeout: 30_000 })
    // Back to a minute: the interval chosen is the one in force, and the sentence goes.
    await dialog.getByLabel('Refresh the fleet every').selectOption({ label: '1 minute' })
    await expect(sentence).toHaveCount(0)
  })
})
