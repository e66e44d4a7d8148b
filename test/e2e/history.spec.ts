// Issue 11: a charger that goes offline between two syncs is remembered. The Activity button counts it, the
// Activity view says "went offline" with the charger's name, a click opens the charger, and its History region
// in the detail panel shows the event with its uptime.
import { EVENT_WORDS } from '@shared/history-schemas'
import { chargerLabel } from '@shared/fleet-health'
import { test, expect } from './fixtures'
import { saveScreenshot, signInAndWait } from './ui-helpers'

test.describe('fleet history', () => {
  test('a charger going offline shows in Activity and in its History', async ({ app, sim }, testInfo) => {
    await signInAndWait(app, sim.token, sim.fleet.length)
    const activityButton = app.getByRole('button', { name: /^Activity/ })

    // Look once, so that whatever the first syncs recorded is seen and the count starts from nothing.
    await activityButton.click()
    const dialog = app.getByRole('dialog', { name: 'Activity' })
    await expect(dialog.getByRole('region', { name: 'Since you last looked' })).toBeVisible()
    await expect(activityButton).toHaveAccessibleName('Activity')
    await app.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    await expect(activityButton).toBeFocused()

    const victim = sim.fleet.find((c) => c.connection_status === 'online')!
    const label = chargerLabel(victim)
    sim.updateCharger(victim.uuid, { connection_status: 'offline', last_disconnection_at: new Date().toISOString() })
    await app.getByRole('button', { name: 'Refresh' }).click()
    await expect(activityButton).toHaveAccessibleName(/^Activity [1-9]\d*$/, { timeout: 30_000 })

    await activityButton.click()
    await expect(dialog).toBeVisible()
    const since = dialog.getByRole('region', { name: 'Since you last looked' })
    await expect(since).toContainText(`1 ${EVENT_WORDS.went_offline}`)
    const events = dialog.getByRole('region', { name: 'Events' })
    const event = events.getByRole('button').filter({ hasText: EVENT_WORDS.went_offline }).filter({ hasText: label })
    await expect(event.first()).toBeVisible()
    await expect(dialog.getByRole('region', { name: 'Fleet over time' })).toContainText(/Last 24 h: /)
    // Seen now: the count is gone once the view has marked it.
    await expect(activityButton).toHaveAccessibleName('Activity')

    // A filter by kind keeps the event; another kind leaves it out.
    const kinds = dialog.getByRole('group', { name: 'Filter by kind' })
    await kinds.getByRole('button', { name: EVENT_WORDS.went_offline }).click()
    await expect(kinds.getByRole('button', { name: EVENT_WORDS.went_offline })).toHaveAttribute('aria-pressed', 'true')
    await expect(event.first()).toBeVisible()
    await dialog.getByRole('group', { name: 'Period', exact: true }).getByRole('button', { name: '7 days' }).click()
    await expect(event.first()).toBeVisible()
    await saveScreenshot(app, testInfo, 'history-activity')
    await kinds.getByRole('button', { name: EVENT_WORDS.went_offline }).click()
    await kinds.getByRole('button', { name: EVENT_WORDS.came_back }).click()
    await expect(event).toHaveCount(0)
    await kinds.getByRole('button', { name: EVENT_WORDS.came_back }).click()
    await kinds.getByRole('button', { name: EVENT_WORDS.went_offline }).click()

    await event.first().click()
    await expect(dialog).toBeHidden()
    const panel = app.getByRole('complementary')
    await expect(panel.getByRole('heading', { name: label })).toBeVisible()
    const history = panel.getByRole('region', { name: 'History' })
    await expect(history).toContainText(EVENT_WORDS.went_offline)
    await expect(history).toContainText(/Uptime 7 d: (\d+\.\d %|not watched)/)
    await expect(history).toContainText(/Uptime 24 h: /)
    await expect(history).toContainText(/Uptime 30 d: /)
    await expect(history.getByRole('list', { name: /^Last 7 days: / })).toBeVisible()
    await history.scrollIntoViewIfNeeded()
    await saveScreenshot(app, testInfo, 'history-detail')

    // Dark mode reads too; and the next look has nothing new, since the last one marked everything seen.
    await app.emulateMedia({ colorScheme: 'dark' })
    await saveScreenshot(app, testInfo, 'history-detail-dark')
    await activityButton.click()
    await expect(since).toContainText('Nothing new.')
    await expect(event.first()).toBeVisible()
    await saveScreenshot(app, testInfo, 'history-activity-dark')
  })

  test('the history is still there after the app restarts', async ({ app, sim, web }) => {
    await signInAndWait(app, sim.token, sim.fleet.length)
    const victim = sim.fleet.find((c) => c.connection_status === 'online')!
    const label = chargerLabel(victim)
    sim.updateCharger(victim.uuid, { connection_status: 'offline', last_disconnection_at: new Date().toISOString() })
    await app.getByRole('button', { name: 'Refresh' }).click()
    await expect(app.getByRole('button', { name: /^Activity [1-9]/ })).toBeVisible({ timeout: 30_000 })

    const preview = await web.restart()
    await app.goto(preview.url)
    // With a keychain (CI's Secret Service) the token was saved and the app comes back signed in; without one it
    // lived in memory only, so sign in again, to the same account's history.
    const tokenField = app.getByLabel('Personal access token')
    const activity = app.getByRole('button', { name: /^Activity/ })
    await expect(tokenField.or(activity).first()).toBeVisible({ timeout: 30_000 })
    if (await tokenField.isVisible()) await signInAndWait(app, sim.token, sim.fleet.length)
    await app.getByRole('button', { name: /^Activity/ }).click()
    const dialog = app.getByRole('dialog', { name: 'Activity' })
    const events = dialog.getByRole('region', { name: 'Events' })
    await expect(
      events.getByRole('button').filter({ hasText: EVENT_WORDS.went_offline }).filter({ hasText: label }).first(),
    ).toBeVisible()
  })
})
