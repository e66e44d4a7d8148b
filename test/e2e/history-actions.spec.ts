// Issue 12's record of actions, in the history (issue 11): a restart sent to a charger shows, with the
// charger's answer, in its History region and in the Activity view, in the words of shared/history-words.ts.
import type { Page } from '@playwright/test'
import { bucketOf, chargerLabel } from '@shared/fleet-health'
import { actionLine } from '@shared/history-words'
import type { Charger } from '@shared/plugchoice-schemas'
import { rejectsReset } from '@main/sim/charger-commands-sim'
import { test, expect } from './fixtures'
import { saveScreenshot, signInAndWait } from './ui-helpers'

test.use({
  simOptions: { fleetSize: 60, seed: 11, latencyMs: 0, commands: { restartDowntimeMs: 2_000, bulkStepMs: 300 } },
})

const restartable = (c: Charger) =>
  c.connection_status === 'online' && c.permissions?.full === true && !rejectsReset(c) && bucketOf(c) === 'ok'

async function open(page: Page, charger: Charger): Promise<void> {
  await page.getByRole('searchbox', { name: 'Search chargers' }).fill(charger.identity!)
  await page.locator(`[role="row"][data-uuid="${charger.uuid}"]`).click()
  await expect(page.getByRole('complementary').getByRole('heading', { level: 2 })).toContainText(charger.identity!)
}

test('a restart is recorded with its answer in the charger’s History and in Activity', async ({
  app,
  sim,
}, testInfo) => {
  await signInAndWait(app, sim.token, sim.fleet.length)
  const charger = sim.fleet.find(restartable)!
  await open(app, charger)
  await app.getByRole('button', { name: 'Restart charger' }).click()
  const dialog = app.getByRole('dialog', { name: `Restart ${charger.reference ?? charger.identity}` })
  await dialog.getByRole('button', { name: 'Restart', exact: true }).click()
  await expect(app.getByRole('status').filter({ hasText: 'The charger accepted the restart.' })).toBeVisible()

  const words = actionLine('restart', 'Accepted')
  const history = app.getByRole('complementary').getByRole('region', { name: 'History' })
  await expect(history).toContainText(words)

  for (const size of [
    { width: 1024, height: 640 },
    { width: 1280, height: 800 },
  ]) {
    await app.setViewportSize(size)
    for (const scheme of ['light', 'dark'] as const) {
      await app.emulateMedia({ colorScheme: scheme })
      await history.scrollIntoViewIfNeeded()
      await saveScreenshot(app, testInfo, `history-region-${size.width}x${size.height}-${scheme}`)
    }
  }

  await app.getByRole('button', { name: /^Activity/ }).click()
  const activity = app.getByRole('dialog', { name: 'Activity' })
  const event = activity
    .getByRole('region', { name: 'Events' })
    .getByRole('button')
    .filter({ hasText: words })
    .filter({ hasText: chargerLabel(charger) })
  await expect(event).toHaveCount(1)
  for (const size of [
    { width: 1024, height: 640 },
    { width: 1280, height: 800 },
  ]) {
    await app.setViewportSize(size)
    for (const scheme of ['light', 'dark'] as const) {
      await app.emulateMedia({ colorScheme: scheme })
      await saveScreenshot(app, testInfo, `activity-${size.width}x${size.height}-${scheme}`)
    }
  }
  // A command the user sent is not news to them: "since you last looked" counts what the fleet did.
  await expect(activity.getByRole('region', { name: 'Since you last looked' })).not.toContainText('action')
})
