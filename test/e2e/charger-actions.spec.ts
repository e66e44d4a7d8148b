// Issue 12 in the web preview: a charger's Connectors and OCPP log (text stays text), restart behind its
// confirm (exactly one POST; none on cancel; impossible without the full permission), and a bulk restart of
// three selected chargers polled to completion; screenshots of the panel, the confirm and the results.
import type { Page } from '@playwright/test'
import { bucketOf } from '@shared/fleet-health'
import type { Charger } from '@shared/plugchoice-schemas'
import { HTML_REFERENCE } from '@main/sim/index'
import { hasFaultedSecondSocket, SCRIPT_INFO } from '@main/sim/charger-detail-sim'
import { rejectsReset } from '@main/sim/charger-commands-sim'
import { test, expect } from './fixtures'
import { filterButton, saveScreenshot, signInAndWait } from './ui-helpers'

test.use({
  simOptions: { fleetSize: 60, seed: 11, latencyMs: 0, commands: { restartDowntimeMs: 2_000, bulkStepMs: 300 } },
})

async function open(page: Page, charger: Charger): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search chargers' }).fill(charger.identity!)
  await page.locator(`[role="row"][data-uuid="${charger.uuid}"]`).click()
  await expect(page.getByRole('complementary').getByRole('heading', { level: 2 })).toContainText(charger.identity!)
}

const posts = (sim: { requests: { method: string; path: string }[] }) => sim.requests.filter((r) => r.method === 'POST')
const restartable = (c: Charger) =>
  c.connection_status === 'online' && c.permissions?.full === true && !rejectsReset(c) && bucketOf(c) === 'ok'

test.describe('diagnose and act on chargers', () => {
  test('opening a charger shows its Connectors and OCPP log; a log entry holding <script> is text', async ({
    app,
    sim,
  }, testInfo) => {
    await signInAndWait(app, sim.token, sim.fleet.length)
    const html = sim.fleet.find((c) => c.reference === HTML_REFERENCE)!
    await open(app, html)
    const connectors = app.getByRole('region', { name: 'Connectors' })
    await expect(connectors.getByText('Connector 1', { exact: true })).toBeVisible()
    await expect(connectors.getByText(/^Loaded .*ago$/)).toBeVisible()
    const log = app.getByRole('region', { name: 'OCPP log' })
    await expect(log.getByText(SCRIPT_INFO, { exact: true })).toBeVisible()
    await expect(app.locator('script', { hasText: 'alert("log")' })).toHaveCount(0)
    // Failed messages are marked, and params can be read as text.
    await expect(log.getByText('✕ failed').first()).toBeVisible()
    await log.getByText('Params and result').first().click()
    await expect(log.locator('pre').first()).toContainText('"connectorId"')

    // Another charger: socket 2 faulted while the charger itself reports something else. The list alone cannot
    // know; once its connectors are read, main derives its facts with them and the row, the count and the
    // reason all say Fault and which socket.
    const twoSockets = sim.fleet.find((c) => hasFaultedSecondSocket(c) && bucketOf(c) !== 'fault')!
    expect(twoSockets, 'the simulated fleet has a charger whose second socket is faulted').toBeDefined()
    const faultCount = async () => Number((await filterButton(app, 'Fault').textContent())!.replace(/\D/g, ''))
    const faultsBefore = await faultCount()
    await open(app, twoSockets)
    await expect(connectors.getByRole('listitem', { name: 'Connector 2' })).toContainText('GroundFailure')
    await expect(connectors.getByText(/worse state \(Fault\)/)).toBeVisible()
    const row = app.locator(`[role="row"][data-uuid="${twoSockets.uuid}"]`)
    await expect(row.locator('.c-health')).toContainText(/Fault.*Connector 2: Faulted · GroundFailure/)
    await expect.poll(faultCount).toBe(faultsBefore + 1)
    await expect(log.getByText('StatusNotification').first()).toBeAttached()
    await saveScreenshot(app, testInfo, 'detail-connectors-log-light')
    await app.emulateMedia({ colorScheme: 'dark' })
    await saveScreenshot(app, testInfo, 'detail-connectors-log-dark')
  })

  test('restart asks first: cancel sends nothing, Restart sends exactly one POST and shows the answer', async ({
    app,
    sim,
  }, testInfo) => {
    await signInAndWait(app, sim.token, sim.fleet.length)
    const charger = sim.fleet.find(restartable)!
    await open(app, charger)
    const before = posts(sim).length

    await app.getByRole('button', { name: 'Restart charger' }).click()
    const dialog = app.getByRole('dialog', { name: `Restart ${charger.reference ?? charger.identity}` })
    await expect(dialog).toBeVisible()
    await saveScreenshot(app, testInfo, 'restart-confirm-light')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect(dialog).toBeHidden()
    expect(posts(sim)).toHaveLength(before)

    await app.getByRole('button', { name: 'Restart charger' }).click()
    await dialog.getByRole('button', { name: 'Restart', exact: true }).dblclick()
    await expect(app.getByRole('status').filter({ hasText: 'The charger accepted the restart.' })).toBeVisible()
    const sent = posts(sim).slice(before)
    expect(sent.map((r) => r.path)).toEqual([`/api/v3/chargers/${charger.uuid}/actions/restart`])
    // The simulated charger is back after 2 s; the app's first look is after 10 s.
    await expect(app.getByText('The charger is back online after the restart.')).toBeVisible({ timeout: 25_000 })
    expect(posts(sim).slice(before)).toHaveLength(1)
  })

  test('an offline charger: the confirm warns, and the 504 is shown as no answer in time', async ({ app, sim }) => {
    const offline = sim.fleet.find(restartable)!
    sim.updateCharger(offline.uuid, { connection_status: 'offline', last_disconnection_at: new Date().toISOString() })
    await signInAndWait(app, sim.token, sim.fleet.length)
    await open(app, offline)
    await app.getByRole('button', { name: 'Restart charger' }).click()
    const dialog = app.getByRole('dialog')
    await expect(dialog).toContainText('The charger is not online: it may not answer.')
    await dialog.getByRole('button', { name: 'Restart', exact: true }).click()
    await expect(
      app.getByRole('status').filter({ hasText: 'The charger did not answer in time (HTTP 504)' }),
    ).toBeVisible()
    expect(posts(sim).map((r) => r.path)).toEqual([`/api/v3/chargers/${offline.uuid}/actions/restart`])
  })

  test('a charger without the full permission cannot be restarted, and says why', async ({ app, sim }) => {
    await signInAndWait(app, sim.token, sim.fleet.length)
    const readOnly = sim.fleet.find((c) => c.connection_status === 'online' && c.permissions?.full === false)!
    await open(app, readOnly)
    const button = app.getByRole('button', { name: 'Restart charger' })
    await expect(button).toBeDisabled()
    await expect(button).toHaveAccessibleDescription(/may not restart this charger/)
    expect(posts(sim)).toHaveLength(0)
  })

  test('a bulk restart of three selected chargers: one POST with their uuids, polled, results shown', async ({
    app,
    sim,
  }, testInfo) => {
    await signInAndWait(app, sim.token, sim.fleet.length)
    await filterButton(app, 'OK').click()
    const chosen = sim.fleet.filter(restartable).slice(0, 3)
    expect(chosen).toHaveLength(3)
    for (const charger of chosen) {
      await app.getByRole('searchbox', { name: 'Search chargers' }).fill(charger.identity!)
      await app.getByRole('checkbox', { name: `Select ${charger.identity}`, exact: true }).check()
    }
    // The selection survives search and filters.
    await app.getByRole('searchbox', { name: 'Search chargers' }).fill('')
    await expect(app.getByText('3 chargers selected')).toBeVisible()
    // Each one found again (the list is longer than the window) is still ticked.
    for (const charger of chosen) {
      await app.getByRole('searchbox', { name: 'Search chargers' }).fill(charger.identity!)
      await expect(app.getByRole('checkbox', { name: `Select ${charger.identity}`, exact: true })).toBeChecked()
    }
    await app.getByRole('searchbox', { name: 'Search chargers' }).fill('')

    await app.getByRole('combobox', { name: 'Command for the selection' }).selectOption('restart-soft')
    await app.getByRole('button', { name: 'Send…' }).click()
    const dialog = app.getByRole('dialog', { name: 'Restart (soft): 3 chargers?' })
    await expect(dialog).toBeVisible()
    for (const charger of chosen) await expect(dialog).toContainText(charger.identity!)
    await saveScreenshot(app, testInfo, 'bulk-confirm-light')
    await dialog.getByRole('button', { name: 'Send to 3 chargers' }).click()

    const results = app.getByRole('region', { name: 'Command results' })
    await expect(results.getByText(/3 of 3 done · completed/)).toBeVisible({ timeout: 15_000 })
    await expect(results.getByText('3 sent')).toBeVisible()
    for (const charger of chosen) {
      await expect(results.getByRole('row').filter({ hasText: charger.identity! })).toContainText('Sent')
    }
    const bulkPosts = posts(sim)
    expect(bulkPosts).toHaveLength(1)
    expect(bulkPosts[0]).toMatchObject({
      path: '/api/v3/chargers/commands/bulk',
      body: { command: 'Reset', data: { type: 'Soft' }, charger_ids: chosen.map((c) => c.uuid) },
    })
    const polls = sim.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/api/v3/chargers/commands/bulk/'))
    expect(polls.length).toBeGreaterThan(0)
    await saveScreenshot(app, testInfo, 'command-results-light')
    await app.emulateMedia({ colorScheme: 'dark' })
    await saveScreenshot(app, testInfo, 'command-results-dark')
  })

  test('shift-click selects a range, "Select all N in view" the whole view, and the count follows', async ({
    app,
    sim,
  }) => {
    await signInAndWait(app, sim.token, sim.fleet.length)
    const boxes = app.getByRole('grid').locator('[data-select] input')
    await boxes.nth(0).click()
    await boxes.nth(3).click({ modifiers: ['Shift'] })
    await expect(app.getByText('4 chargers selected')).toBeVisible()
    const range = await app
      .getByRole('grid')
      .locator('[role="row"][data-uuid]')
      .evaluateAll((rows) =>
        rows
          .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
          .slice(0, 4)
          .map((row) => row.getAttribute('data-uuid')),
      )
    await filterButton(app, 'Offline').click()
    const offline = sim.fleet.filter((c) => bucketOf(c) === 'offline').map((c) => c.uuid)
    await app.getByRole('checkbox', { name: `Select all ${offline.length} in view` }).check()
    const expected = new Set([...range, ...offline]).size
    await expect(app.getByText(`${expected} chargers selected`)).toBeVisible()
    await app.getByRole('button', { name: 'Clear selection' }).click()
    await expect(app.getByText(/chargers? selected$/)).toHaveCount(0)
    expect(posts(sim)).toHaveLength(0)
  })
})
