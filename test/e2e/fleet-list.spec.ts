// Issue 5, the list: count, search, every filter, sort, detail panel, keyboard, CSV of a filtered view,
// text that looks like HTML, and the screenshots of the fleet (light, dark) and the detail panel.
import { readFile } from 'node:fs/promises'
import { BUCKETS, BUCKET_LABELS, bucketOf, countBuckets } from '@shared/fleet-health'
import { withFacts } from '@shared/charger-facts'
import { compareKeys } from '@renderer/lib/fleet-query'
import { test, expect, signIn } from './fixtures'
import {
  bodyRows,
  columnTexts,
  expectShown,
  filterButton,
  grid,
  parseCsv,
  saveScreenshot,
  shownCount,
  signInAndWait,
  totalLine,
} from './ui-helpers'

test.describe('the fleet list', () => {
  test('lists every charger, and search narrows it by identity, reference, model and error', async ({ app, sim }) => {
    await signInAndWait(app, sim.token, sim.fleet.length)
    await expectShown(app, sim.fleet.length)
    // Virtualised: a handful of rows in the DOM whatever the fleet size, but the grid counts them all.
    expect(await bodyRows(app).count()).toBeLessThanOrEqual(100)

    const target = sim.fleet.find((c) => c.identity && c.reference)!
    const search = app.getByRole('searchbox', { name: 'Search chargers' })
    await search.fill(target.identity!)
    await expectShown(
      app,
      sim.fleet.filter((c) => c.identity?.toLowerCase().includes(target.identity!.toLowerCase())).length,
    )
    await expect(bodyRows(app).filter({ hasText: target.identity! }).first()).toBeVisible()

    const vendor = sim.fleet.find((c) => c.model?.vendor)!.model!.vendor!
    await search.fill(vendor.toLowerCase())
    const byVendor = sim.fleet.filter((c) =>
      [
        c.identity,
        c.reference,
        c.model?.vendor,
        c.model?.name,
        c.firmware_version,
        c.parsed_firmware_version,
        c.error,
        c.vendor_error_code,
        c.error_info,
      ].some((field) => field?.toLowerCase().includes(vendor.toLowerCase())),
    ).length
    await expectShown(app, byVendor)
    await expect(
      app.getByText(`Showing ${byVendor} charger${byVendor === 1 ? '' : 's'} of ${sim.fleet.length}`),
    ).toBeVisible()

    await search.fill('no charger is called this')
    await expect(app.getByText('No charger matches “no charger is called this”.')).toBeVisible()
    await search.press('Escape')
    await expect(search).toHaveValue('')
    await expectShown(app, sim.fleet.length)

    // Ctrl+K focuses the search from anywhere.
    await grid(app).focus()
    await app.keyboard.press('Control+k')
    await expect(search).toBeFocused()
  })

  test('one filter button per health state, worst first, with its count; filters combine', async ({ app, sim }) => {
    await signInAndWait(app, sim.token, sim.fleet.length)
    const counts = countBuckets(withFacts(sim.fleet))
    const names = await app.getByRole('group', { name: 'Filter by health' }).getByRole('button').allInnerTexts()
    expect(names.map((n) => n.replace(/\s+/g, ' ').trim())).toEqual(
      BUCKETS.map((b) => `${BUCKET_LABELS[b]} ${counts[b]}`),
    )

    for (const bucket of BUCKETS) {
      const button = filterButton(app, BUCKET_LABELS[bucket])
      await button.click()
      await expect(button).toHaveAttribute('aria-pressed', 'true')
      if (counts[bucket] > 0) {
        await expectShown(app, counts[bucket])
        // Every row shown says its health in words.
        for (const text of await columnTexts(app, 0)) expect(text).toContain(BUCKET_LABELS[bucket])
      } else {
        await expect(app.getByText(`No charger is ${BUCKET_LABELS[bucket]} right now.`)).toBeVisible()
      }
      await button.click()
      await expect(button).toHaveAttribute('aria-pressed', 'false')
    }

    await filterButton(app, 'Offline').click()
    await filterButton(app, 'Fault').click()
    await expectShown(app, counts.offline + counts.fault)
  })

  test('sorts by a column with the mouse and the keyboard, and says so with aria-sort', async ({ app, sim }) => {
    await signInAndWait(app, sim.token, sim.fleet.length)
    const header = app.getByRole('columnheader', { name: 'Identity' })
    const identities = sim.fleet.map((c) => c.identity ?? c.uuid)
    const ascending = [...identities].sort((a, b) => compareKeys(a, b, 'ascending'))

    await expect(app.getByRole('columnheader', { name: 'Health' })).toHaveAttribute('aria-sort', 'ascending')
    await header.getByRole('button').click()
    await expect(header).toHaveAttribute('aria-sort', 'ascending')
    await expect(app.getByRole('columnheader', { name: 'Health' })).not.toHaveAttribute('aria-sort', /.+/)
    const top = await columnTexts(app, 1)
    expect(top.slice(0, 5)).toEqual(ascending.slice(0, 5))

    await header.getByRole('button').focus()
    await app.keyboard.press('Enter')
    await expect(header).toHaveAttribute('aria-sort', 'descending')
    expect((await columnTexts(app, 1)).slice(0, 5)).toEqual([...ascending].reverse().slice(0, 5))
  })

  test('the detail panel shows every field, and the keyboard moves through the list', async ({
    app,
    sim,
  }, testInfo) => {
    await signInAndWait(app, sim.token, sim.fleet.length)
    await saveScreenshot(app, testInfo, 'fleet-light')

    await bodyRows(app).first().click()
    const panel = app.getByRole('complementary')
    await expect(panel).toBeVisible()
    const firstUuid = (await bodyRows(app).first().getAttribute('data-uuid'))!
    const first = sim.fleet.find((c) => c.uuid === firstUuid)!
    await expect(panel.getByText(first.uuid, { exact: true })).toBeVisible()
    for (const label of [
      'OCPP server',
      'Blocked',
      'Setup pending',
      'Smart',
      'Sensitive',
      'Last heartbeat',
      'Created',
    ]) {
      await expect(panel.getByText(label, { exact: true })).toBeVisible()
    }
    await expect(panel.getByRole('button', { name: 'Open in Plugchoice' })).toBeVisible()
    await expect(panel.getByRole('button', { name: 'Copy identity' })).toBeVisible()
    await saveScreenshot(app, testInfo, 'detail-panel')

    // Opening the panel takes focus to it; arrow keys still move the selection, and the panel follows it.
    await expect(panel).toBeFocused()
    await app.keyboard.press('ArrowDown')
    const second = bodyRows(app).and(app.locator('[aria-selected="true"]'))
    await expect(second).toHaveAttribute('aria-rowindex', '3')
    const secondUuid = (await second.getAttribute('data-uuid'))!
    await expect(panel.getByText(secondUuid, { exact: true })).toBeVisible()

    // Esc closes the panel, Enter opens it on the selected row.
    await app.keyboard.press('Escape')
    await expect(panel).toHaveCount(0)
    await app.keyboard.press('End')
    const last = bodyRows(app).and(app.locator('[aria-selected="true"]'))
    await expect(last).toHaveAttribute('aria-rowindex', String(sim.fleet.length + 1))
    await expect(last).toBeInViewport()
    // Read before opening: once its connectors are read, a charger with a faulted socket moves to Fault.
    const lastUuid = (await last.getAttribute('data-uuid'))!
    await app.keyboard.press('Enter')
    await expect(panel.getByText(lastUuid, { exact: true })).toBeVisible()
    await saveScreenshot(app, testInfo, 'detail-of-last')
    await app.keyboard.press('Home')
    await expect(bodyRows(app).and(app.locator('[aria-selected="true"]'))).toHaveAttribute('aria-rowindex', '2')
  })

  test('exports the filtered, sorted view as CSV with the columns shown, on request', async ({ app, sim }) => {
    await signInAndWait(app, sim.token, sim.fleet.length)
    await filterButton(app, 'In use').click()
    await filterButton(app, 'Offline').click()
    await app.getByRole('columnheader', { name: 'Identity' }).getByRole('button').click()
    const expected = sim.fleet
      .filter((c) => ['in_use', 'offline'].includes(bucketOf(c)))
      .sort((a, b) => compareKeys(a.identity ?? null, b.identity ?? null, 'ascending'))
    await expectShown(app, expected.length)

    const download = app.waitForEvent('download')
    await app.getByRole('button', { name: 'Export CSV' }).click()
    await app.getByRole('button', { name: 'Only the columns shown' }).click()
    const file = await download
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone
    expect(file.suggestedFilename()).toMatch(/^plugchoice-fleet-.*\.csv$/)
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
    expect(body.map((row) => row.at(-1))).toEqual(expected.map((c) => c.uuid))
    expect(new Set(body.map((row) => row[0]))).toEqual(new Set(['In use', 'Offline']))
    await expect(app.getByRole('status').filter({ hasText: `Exported ${expected.length} chargers` })).toBeVisible()
  })

  test('hidden columns stay hidden after a reload', async ({ app, sim, web }) => {
    await signInAndWait(app, sim.token, sim.fleet.length)
    await app.getByRole('button', { name: 'Columns' }).click()
    await app.getByRole('checkbox', { name: 'Firmware' }).uncheck()
    await expect(app.getByRole('columnheader', { name: 'Firmware' })).toHaveCount(0)
    await expect(app.getByRole('checkbox', { name: 'Identity' })).toBeDisabled()
    await app.goto(web.preview.url)
    await expect(totalLine(app, sim.fleet.length)).toBeVisible()
    await expect(app.getByRole('columnheader', { name: 'Identity' })).toBeVisible()
    await expect(app.getByRole('columnheader', { name: 'Firmware' })).toHaveCount(0)
  })

  test('a reference containing HTML is shown as text, never as markup', async ({ app, sim }) => {
    const victim = sim.fleet[0]!
    const hostile = '<img src=x onerror="window.__pwned=1"><b>Bay 7 (probe)</b>'
    sim.updateCharger(victim.uuid, { reference: hostile, error_info: '<script>window.__pwned=2</script>' })
    await signInAndWait(app, sim.token, sim.fleet.length)
    await app.getByRole('searchbox', { name: 'Search chargers' }).fill('<b>bay 7 (probe)</b>')
    await expectShown(app, 1)
    const row = bodyRows(app).first()
    await expect(row).toContainText(hostile)
    await row.click()
    await expect(app.getByRole('complementary').getByText(hostile, { exact: true })).toBeVisible()
    await expect(
      // The info is also in the Connectors and OCPP log regions, as text each time.
      app.getByRole('complementary').getByText('<script>window.__pwned=2</script>', { exact: true }).first(),
    ).toBeVisible()
    expect(await app.locator('#app img, #app b, #app script').count()).toBe(0)
    expect(await app.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
  })

  test('runs under its strict CSP without a single violation', async ({ page, web, sim }) => {
    await page.addInitScript(() => {
      const seen: string[] = ((window as unknown as { __csp: string[] }).__csp = [])
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(`${event.violatedDirective} ${event.blockedURI}`),
      )
    })
    await page.goto(web.preview.url)
    await signInAndWait(page, sim.token, sim.fleet.length)
    await bodyRows(page).first().click()
    await page.getByRole('button', { name: 'Settings' }).click()
    await page.keyboard.press('Escape')
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe')
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([])
  })

  test('follows the system dark mode', async ({ app, sim }, testInfo) => {
    await app.emulateMedia({ colorScheme: 'dark' })
    await signInAndWait(app, sim.token, sim.fleet.length)
    const background = await app.evaluate(() => getComputedStyle(document.body).backgroundColor)
    expect(background).toBe('rgb(17, 20, 24)')
    await saveScreenshot(app, testInfo, 'fleet-dark')
    expect(await shownCount(app)).toBe(sim.fleet.length)
  })
})

test.describe('an account without chargers', () => {
  test.use({ simOptions: { fleetSize: 0, seed: 3, latencyMs: 0 } })

  test('says so instead of showing an empty table', async ({ app, sim }) => {
    await signIn(app, sim.token)
    await expect(app.getByRole('heading', { name: 'No chargers on this account' })).toBeVisible({ timeout: 30_000 })
    await expect(totalLine(app, 0)).toBeVisible()
    await expect(app.getByRole('button', { name: 'Export CSV' })).toBeDisabled()
  })
})

test.describe('a slow first sync', () => {
  test.use({ simOptions: { fleetSize: 120, seed: 5, latencyMs: 1_500 } })

  test('shows that the fleet is being read, then the list', async ({ app, sim }) => {
    await signIn(app, sim.token)
    await expect(app.getByRole('heading', { name: 'Reading your fleet from Plugchoice…' })).toBeVisible({
      timeout: 30_000,
    })
    // A first sync has no data to show an age for: it says it is loading, not "Syncing… · showing data from".
    await expect(app.getByText(/^Loading your fleet…/)).toBeVisible()
    await expect(totalLine(app, sim.fleet.length)).toBeVisible({ timeout: 45_000 })
    await expectShown(app, sim.fleet.length)
  })
})
