// Issue 11, the Activity view's last items: its exports go through the fleet export's save path (a download
// in the web preview) and parse as the CSV a spreadsheet reads; and coming back after the window was away,
// "Since you last looked" is offered at once and is what the view shows first.
import { readFile } from 'node:fs/promises'
import { AWAY_AFTER_MIN } from '@shared/constants'
import { chargerLabel } from '@shared/fleet-health'
import { EVENT_WORDS } from '@shared/history-schemas'
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures'
import { parseCsv, signInAndWait } from './ui-helpers'

async function lookOnce(app: Page): Promise<void> {
  await app.getByRole('button', { name: /^Activity/ }).click()
  const dialog = app.getByRole('dialog', { name: 'Activity' })
  await expect(dialog.getByRole('region', { name: 'Since you last looked' })).toBeVisible()
  await expect(app.getByRole('button', { name: /^Activity/ })).toHaveAccessibleName('Activity')
  await app.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
}

async function downloadCsv(app: Page, button: string): Promise<{ name: string; rows: string[][] }> {
  const download = app.waitForEvent('download')
  await app.getByRole('dialog', { name: 'Activity' }).getByRole('button', { name: button }).click()
  // The toast says how the export went: a failure fails here with the app's own words, not a silent timeout.
  await expect(
    app
      .locator('.toasts')
      .getByText(/^(Exported|Export failed)/)
      .last(),
  ).toContainText('Exported', {
    timeout: 30_000,
  })
  const file = await download
  return { name: file.suggestedFilename(), rows: parseCsv(await readFile(await file.path(), 'utf8')) }
}

test.describe('activity exports and coming back', () => {
  test('exports the period’s events and uptime report as CSV', async ({ app, sim }) => {
    // A sign-in, a sync that records an event and two exports: on shared CI cores that can pass a minute.
    test.slow()
    await signInAndWait(app, sim.token, sim.fleet.length)
    const victim = sim.fleet.find((c) => c.connection_status === 'online')!
    const label = chargerLabel(victim)
    sim.updateCharger(victim.uuid, { connection_status: 'offline', last_disconnection_at: new Date().toISOString() })
    await app.getByRole('button', { name: 'Refresh' }).click()
    await expect(app.getByRole('button', { name: /^Activity [1-9]/ })).toBeVisible({ timeout: 30_000 })
    await app.getByRole('button', { name: /^Activity/ }).click()

    const events = await downloadCsv(app, 'Export events')
    expect(events.name).toMatch(/^plugchoice-events-.*\.csv$/)
    expect(events.rows[0]).toEqual([
      'Happened',
      'Observed',
      'Charger',
      'Event',
      'From',
      'To',
      'Status before',
      'Status after',
      'Error before',
      'Error after',
      'Error info',
      'UUID',
    ])
    const offline = events.rows.filter((row) => row[11] === victim.uuid)
    expect(offline).toHaveLength(1)
    expect(offline[0]!.slice(2, 4)).toEqual([label, EVENT_WORDS.went_offline])

    const uptime = await downloadCsv(app, 'Export uptime report')
    expect(uptime.name).toMatch(/^plugchoice-uptime-.*\.csv$/)
    expect(uptime.rows[0]).toEqual([
      'Charger',
      'Uptime %',
      'Up (h)',
      'Known (h)',
      'Not watched (h)',
      'Longest outage (h)',
      'UUID',
    ])
    // One row per charger of the fleet, each with a number (or blank where nothing of the period is known).
    expect(
      uptime.rows
        .slice(1)
        .map((row) => row[6])
        .sort(),
    ).toEqual(sim.fleet.map((c) => c.uuid).sort())
    for (const row of uptime.rows.slice(1)) expect(row[1]).toMatch(/^(\d+\.\d|)$/)
  })

  test('after the window was away, “Since you last looked” is offered at once and opens first', async ({
    page,
    web,
    sim,
  }) => {
    await page.clock.install()
    await page.goto(web.preview.url)
    const app = page
    await signInAndWait(app, sim.token, sim.fleet.length)
    await lookOnce(app)
    const offer = app.getByRole('region', { name: 'While you were away' })
    await expect(offer).toBeHidden()

    await app.evaluate(() => window.dispatchEvent(new Event('blur')))
    const victim = sim.fleet.find((c) => c.connection_status === 'online')!
    sim.updateCharger(victim.uuid, { connection_status: 'offline', last_disconnection_at: new Date().toISOString() })
    await app.getByRole('button', { name: 'Refresh' }).click()
    await expect(app.getByRole('button', { name: /^Activity [1-9]/ })).toBeVisible({ timeout: 30_000 })
    // Not away long enough: nothing is pushed at the user.
    await app.evaluate(() => window.dispatchEvent(new Event('focus')))
    await expect(offer).toBeHidden()

    await app.evaluate(() => window.dispatchEvent(new Event('blur')))
    await app.clock.fastForward(`${AWAY_AFTER_MIN + 1}:00`)
    await app.evaluate(() => window.dispatchEvent(new Event('focus')))
    await expect(offer).toContainText(`Since you last looked: 1 ${EVENT_WORDS.went_offline}`)

    await offer.getByRole('button', { name: 'Show what happened' }).click()
    const dialog = app.getByRole('dialog', { name: 'Activity' })
    const first = dialog.getByRole('region').first()
    await expect(first).toHaveAccessibleName('Since you last looked')
    await expect(first).toContainText(`1 ${EVENT_WORDS.went_offline}`)
    await app.keyboard.press('Escape')
    await expect(offer).toBeHidden()
  })

  test('an app started again offers what happened since the last look', async ({ app, sim }) => {
    await signInAndWait(app, sim.token, sim.fleet.length)
    await lookOnce(app)
    const victim = sim.fleet.find((c) => c.connection_status === 'online')!
    sim.updateCharger(victim.uuid, { connection_status: 'offline', last_disconnection_at: new Date().toISOString() })
    await app.getByRole('button', { name: 'Refresh' }).click()
    await expect(app.getByRole('button', { name: /^Activity [1-9]/ })).toBeVisible({ timeout: 30_000 })
    await app.reload()
    const tokenField = app.getByLabel('Personal access token')
    const offer = app.getByRole('region', { name: 'While you were away' })
    await expect(tokenField.or(offer).first()).toBeVisible({ timeout: 30_000 })
    if (await tokenField.isVisible()) await signInAndWait(app, sim.token, sim.fleet.length)
    await expect(offer).toContainText(`Since you last looked: 1 ${EVENT_WORDS.went_offline}`)
  })
})
