// Issue 8: a row says why a charger is in its health bucket ("Attention  Blocked", "Offline  since 14:05",
// "Fault  GroundFailure · vendor code 210"), and the detail panel says it too. The facts are derived by main
// once per sync; the expected words here come from the same shared function over the simulator's fleet.
import { withFacts } from '@shared/charger-facts'
import { BUCKET_LABELS, type Bucket } from '@shared/fleet-health'
import { test, expect } from './fixtures'
import { bodyRows, expectShown, filterButton, saveScreenshot, signInAndWait } from './ui-helpers'

/** The Health cell as a person reads it: the bucket's word, then the reason without repeating that word. */
function healthCell(bucket: Bucket, reason: string | null): string {
  const label = BUCKET_LABELS[bucket]
  if (!reason || reason === label) return label
  return reason.startsWith(`${label} `) ? reason : `${label} ${reason}`
}

test.describe('the reason for a charger’s health', () => {
  test('every Attention, Fault and Offline row says why, and so does the detail panel', async ({
    app,
    sim,
  }, testInfo) => {
    await signInAndWait(app, sim.token, sim.fleet.length)
    const facts = new Map(withFacts(sim.fleet).map((charger) => [charger.uuid, charger.facts]))

    for (const bucket of ['attention', 'fault', 'offline'] as const) {
      const expected = [...facts.values()].filter((f) => f.bucket === bucket)
      expect(expected.length, `the simulated fleet has ${bucket} chargers`).toBeGreaterThan(0)
      const button = filterButton(app, BUCKET_LABELS[bucket])
      await button.click()
      await expectShown(app, expected.length)
      const rows = await bodyRows(app).evaluateAll((elements) =>
        elements.map((row) => ({
          uuid: row.getAttribute('data-uuid')!,
          health: (row.querySelector('[role="gridcell"].c-health')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        })),
      )
      expect(rows.length).toBeGreaterThan(0)
      for (const row of rows) {
        const own = facts.get(row.uuid)!
        expect(own.reason, `${row.uuid} has a reason`).toBeTruthy()
        expect(row.health).toBe(healthCell(own.bucket, own.reason))
      }
      if (bucket === 'attention') await saveScreenshot(app, testInfo, 'attention-reasons')
      await button.click()
    }

    await filterButton(app, BUCKET_LABELS.attention).click()
    const first = bodyRows(app).first()
    const reason = facts.get((await first.getAttribute('data-uuid'))!)!.reason!
    await first.click()
    const panel = app.getByRole('complementary')
    await expect(panel.getByText(reason, { exact: false }).first()).toBeVisible()
    await saveScreenshot(app, testInfo, 'detail-reason')
  })
})
