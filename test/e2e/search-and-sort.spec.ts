// The search words and ids, the filter counts within a search, the way from the search box into the list,
// the urgency order of the Health sort, the "Changed" marks since the user last looked, and the detail
// panel's summary sentence, as a user sees them. Expectations come from the simulator's fleet and the shared
// health rules, never from the renderer's own search.
import type { Page } from '@playwright/test'
import { BUCKETS, BUCKET_LABELS, countBuckets } from '@shared/fleet-health'
import { withFacts, type FleetCharger } from '@shared/charger-facts'
import { chargerSummary } from '@shared/charger-summary'
import { errorCode } from '@shared/charger-words'
import { createFormat } from '@shared/format'
import { compareKeys } from '@renderer/lib/fleet-query'
import type { Charger } from '@shared/plugchoice-schemas'
import { test, expect } from './fixtures'
import { bodyRows, columnTexts, expectShown, filterButton, grid, signInAndWait } from './ui-helpers'

const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search chargers' })

/** The uuids of the rows in the DOM (enough for the handful of chargers a narrow search finds). */
async function shownUuids(page: Page): Promise<string[]> {
  return bodyRows(page).evaluateAll((rows) => rows.map((row) => row.getAttribute('data-uuid') ?? ''))
}

/** Every text field of a charger a person might type a piece of, lower case. */
function textsOf(charger: Charger): string[] {
  return Object.values(charger)
    .flatMap((value) => (value && typeof value === 'object' ? Object.values(value) : [value]))
    .filter((value): value is string => typeof value === 'string')
    .map((value) => value.toLowerCase())
}

const MINUTE = 60_000

test.describe('searching the fleet', () => {
  test('health and status words find the chargers in that state, and "error" skips NoError', async ({ app, sim }) => {
    const fleet = withFacts(sim.fleet)
    await signInAndWait(app, sim.token, sim.fleet.length)

    const offline = fleet.filter((c) => c.facts.bucket === 'offline').map((c) => c.uuid)
    expect(offline.length).toBeGreaterThan(0)
    await searchBox(app).fill('offline')
    await expect.poll(async () => (await shownUuids(app)).sort()).toEqual([...offline].sort())
    await expectShown(app, offline.length)
    for (const text of await columnTexts(app, 0)) expect(text).toContain('Offline')

    // "Faulted" is OCPP's word for the Fault bucket; an offline charger whose last status was Faulted says it too.
    const faulted = fleet.filter((c) => c.facts.bucket === 'fault' || c.status === 'Faulted').map((c) => c.uuid)
    expect(fleet.some((c) => c.facts.bucket === 'fault' && c.status !== 'Faulted')).toBe(true)
    await searchBox(app).fill('faulted')
    await expectShown(app, faulted.length)
    expect((await shownUuids(app)).sort()).toEqual([...faulted].sort())

    // Every charger says error "NoError" when it has none: "error" finds only those with an error in words
    // (and the reference with "onerror" in its HTML, which is text like any other).
    const noError = fleet.filter((c) => c.error === 'NoError')
    expect(noError.length).toBeGreaterThan(0)
    const withError = fleet.filter(
      (c) =>
        errorCode(c.error)?.toLowerCase().includes('error') ||
        [c.reference, c.error_info, c.vendor_error_code, c.facts.reason].some((text) =>
          text?.toLowerCase().includes('error'),
        ),
    )
    expect(withError.length).toBeGreaterThan(0)
    expect(withError.length).toBeLessThan(fleet.length)
    await searchBox(app).fill('error')
    await expect.poll(async () => (await shownUuids(app)).sort()).toEqual(withError.map((c) => c.uuid).sort())
    await expectShown(app, withError.length)
  })

  test('a whole uuid, a piece of one and the numeric id each find their charger', async ({ app, sim }) => {
    await signInAndWait(app, sim.token, sim.fleet.length)
    // A charger whose id appears in no charger's text: only the id itself can find it.
    const target = sim.fleet.find((c) => !sim.fleet.some((other) => textsOf(other).some((t) => t.includes(`${c.id}`))))!
    expect(target).toBeDefined()

    await searchBox(app).fill(target.uuid)
    await expectShown(app, 1)
    expect(await shownUuids(app)).toEqual([target.uuid])

    // The middle of the uuid, as a support ticket might quote it ("…-4b1e-9f03-…").
    const piece = target.uuid.slice(9, 23)
    expect(sim.fleet.filter((c) => c.uuid.includes(piece))).toHaveLength(1)
    await searchBox(app).fill(piece.toUpperCase())
    await expectShown(app, 1)
    expect(await shownUuids(app)).toEqual([target.uuid])

    await searchBox(app).fill(String(target.id))
    await expectShown(app, 1)
    expect(await shownUuids(app)).toEqual([target.uuid])
    await expect(bodyRows(app).first()).toContainText(target.identity ?? target.uuid)
  })

  test('the filter buttons count the chargers the search found', async ({ app, sim }) => {
    const fleet = withFacts(sim.fleet)
    await signInAndWait(app, sim.token, sim.fleet.length)
    const total = countBuckets(fleet)
    const names = () =>
      app
        .getByRole('group', { name: 'Filter by health' })
        .getByRole('button')
        .allInnerTexts()
        .then((texts) => texts.map((text) => text.replace(/\s+/g, ' ').trim()))
    expect(await names()).toEqual(BUCKETS.map((b) => `${BUCKET_LABELS[b]} ${total[b]}`))

    // A vendor's chargers span several health states: their counts, not the fleet's, are on the buttons.
    const vendors = [...new Set(fleet.map((c) => c.model?.vendor).filter((v): v is string => !!v))]
    const vendor = vendors.find((v) => {
      const mine = fleet.filter((c) => c.model?.vendor === v)
      return new Set(mine.map((c) => c.facts.bucket)).size >= 2 && mine.length < fleet.length
    })!
    const found = fleet.filter((c) =>
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
    )
    const counts = countBuckets(found)
    expect(counts).not.toEqual(total)
    await searchBox(app).fill(vendor.toLowerCase())
    await expectShown(app, found.length)
    await expect.poll(names).toEqual(BUCKETS.map((b) => `${BUCKET_LABELS[b]} ${counts[b]}`))

    // A filter within the search shows that bucket's count of the search.
    const bucket = BUCKETS.find((b) => counts[b] > 0 && counts[b] < found.length)!
    await filterButton(app, BUCKET_LABELS[bucket]).click()
    await expectShown(app, counts[bucket])

    await searchBox(app).fill('')
    await expect.poll(names).toEqual(BUCKETS.map((b) => `${BUCKET_LABELS[b]} ${total[b]}`))
  })

  test('ArrowDown from the search box goes into the list, and Enter opens the selected row', async ({ app, sim }) => {
    await signInAndWait(app, sim.token, sim.fleet.length)
    await searchBox(app).fill('offline')
    const firstUuid = (await bodyRows(app).first().getAttribute('data-uuid'))!
    await expect(bodyRows(app).and(app.locator('[aria-selected="true"]'))).toHaveCount(0)

    await searchBox(app).press('ArrowDown')
    await expect(grid(app)).toBeFocused()
    const selected = bodyRows(app).and(app.locator('[aria-selected="true"]'))
    await expect(selected).toHaveAttribute('aria-rowindex', '2')
    await expect(selected).toHaveAttribute('data-uuid', firstUuid)
    await expect(app.getByRole('complementary')).toHaveCount(0)

    await app.keyboard.press('ArrowDown')
    await expect(selected).toHaveAttribute('aria-rowindex', '3')
    const secondUuid = (await selected.getAttribute('data-uuid'))!
    await app.keyboard.press('Enter')
    const panel = app.getByRole('complementary')
    await expect(panel.getByText(secondUuid, { exact: true })).toBeVisible()
  })
})

test.describe('the Health sort', () => {
  test('puts the newest disconnection first among offline chargers, ties by identity', async ({ app, sim }) => {
    const now = Date.now()
    // Four online chargers go offline: one just now, two at the same moment (a tie), one long ago. The tied
    // pair comes in the fleet in the opposite order of their identities: the tie must decide, not the input.
    const online = sim.fleet.filter((c) => c.connection_status === 'online' && c.identity)
    const [newest, ...rest] = online
    const pairs = rest.flatMap((a, i) => rest.slice(i + 1).map((b) => [a, b] as const))
    const tied = pairs.find(([a, b]) => compareKeys(a.identity!, b.identity!, 'ascending') > 0)!
    expect(tied).toBeDefined()
    const oldest = rest.find((c) => c !== tied[0] && c !== tied[1])!
    const at = (ms: number) => ({
      connection_status: 'offline',
      last_disconnection_at: new Date(now - ms).toISOString(),
    })
    sim.updateCharger(newest!.uuid, at(2 * MINUTE))
    for (const charger of tied) sim.updateCharger(charger.uuid, at(90 * MINUTE))
    sim.updateCharger(oldest.uuid, at(30 * 24 * 60 * MINUTE))
    const fleet = withFacts(sim.fleet)
    const expected = fleet
      .filter((c) => c.facts.bucket === 'offline')
      .sort((a, b) => {
        const at = (c: FleetCharger) => Date.parse(c.facts.since ?? '') || -Infinity
        return at(b) - at(a) || compareKeys(a.identity ?? a.uuid, b.identity ?? b.uuid, 'ascending')
      })
      .map((c) => c.identity ?? c.uuid)

    await signInAndWait(app, sim.token, sim.fleet.length)
    await expect(app.getByRole('columnheader', { name: 'Health' })).toHaveAttribute('aria-sort', 'ascending')
    await filterButton(app, 'Offline').click()
    await expectShown(app, expected.length)
    expect(await columnTexts(app, 1)).toEqual(expected)
    expect(expected[0]).toBe(newest!.identity)
    const [first, second] = [...tied].sort((a, b) => compareKeys(a.identity!, b.identity!, 'ascending'))
    expect(expected.indexOf(second!.identity!)).toBe(expected.indexOf(first!.identity!) + 1)
    expect(first).toBe(tied[1])
  })
})

test.describe('changes since the user last looked', () => {
  test('a charger that changed while the window was away is marked, until the user looks away again', async ({
    app,
    sim,
  }) => {
    await signInAndWait(app, sim.token, sim.fleet.length)
    const marks = grid(app).getByTitle(/^Changed since you last looked/)
    await expect(marks).toHaveCount(0)

    // The user turns to another window; meanwhile a charger goes offline.
    await app.evaluate(() => window.dispatchEvent(new Event('blur')))
    const victim = withFacts(sim.fleet).find((c) => c.facts.bucket === 'ok' && c.identity)!
    sim.updateCharger(victim.uuid, {
      connection_status: 'offline',
      last_disconnection_at: new Date().toISOString(),
    })
    await app.getByRole('button', { name: 'Refresh' }).click()

    await searchBox(app).fill(victim.identity!)
    const row = bodyRows(app).filter({ hasText: victim.identity! })
    await expect(row).toContainText('Offline')
    await expect(row.getByTitle('Changed since you last looked (was OK)')).toBeVisible()
    await expect(row).toContainText('Changed since you last looked, was OK')
    await searchBox(app).fill('')
    await expectShown(app, sim.fleet.length)
    // Only that one (of the rows rendered; the victim is the newest offline, at the top).
    await expect(marks).toHaveCount(1)

    // Looking away again means the user has seen it: the mark goes.
    await app.evaluate(() => window.dispatchEvent(new Event('blur')))
    await expect(marks).toHaveCount(0)
  })
})

test.describe('the detail panel', () => {
  test('opens with one sentence saying what the charger is, for how long, and what it last said', async ({
    app,
    sim,
  }) => {
    const now = Date.now()
    const offline = sim.fleet.find((c) => c.connection_status === 'offline' && c.identity && c.status)!
    sim.updateCharger(offline.uuid, { last_disconnection_at: new Date(now - 330 * MINUTE).toISOString() })
    const fleet = withFacts(sim.fleet)
    const fault = fleet.find((c) => c.facts.bucket === 'fault' && c.identity && errorCode(c.error))!

    await signInAndWait(app, sim.token, sim.fleet.length)
    const { locale, timeZone } = await app.evaluate(() => Intl.DateTimeFormat().resolvedOptions())
    const format = createFormat({ locale, timeZone })
    const panel = app.getByRole('complementary')

    for (const charger of [fleet.find((c) => c.uuid === offline.uuid)!, fault]) {
      await searchBox(app).fill(charger.identity!)
      await bodyRows(app).filter({ hasText: charger.identity! }).first().click()
      await expect(panel.getByText(charger.uuid, { exact: true })).toBeVisible()
      await expect(panel.getByText(chargerSummary(charger, Date.now(), format), { exact: true })).toBeVisible()
      await app.keyboard.press('Escape')
      await expect(panel).toHaveCount(0)
    }
    // What those sentences say, in words a test can read without the shared function.
    expect(
      chargerSummary(
        fleet.find((c) => c.uuid === offline.uuid)!,
        now,
        format,
      ),
    ).toMatch(new RegExp(`^Offline for 5 h, since .+\\. Last status: ${offline.status}`))
    expect(chargerSummary(fault, now, format)).toContain(`error ${fault.error}`)
  })
})
