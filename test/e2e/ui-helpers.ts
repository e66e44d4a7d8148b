// Shared steps of the UI end-to-end specs: signing in through the form, waiting for the list, reading the
// grid the way a person (or a screen reader) would, and saving screenshots where the report keeps them.
import { join } from 'node:path'
import type { Locator, Page, TestInfo } from '@playwright/test'
import { parse } from 'csv-parse/sync'
import { expect, signIn } from './fixtures'

const counted = new Intl.NumberFormat()

/** "60 chargers": the fleet total line of the header. */
export function totalLine(page: Page, n: number): Locator {
  return page.getByText(`${counted.format(n)} ${n === 1 ? 'charger' : 'chargers'}`, { exact: true })
}

export function grid(page: Page): Locator {
  return page.getByRole('grid', { name: 'Chargers' })
}

/** Body rows currently in the DOM (the list is virtualised: only those near the viewport). */
export function bodyRows(page: Page): Locator {
  return grid(page).locator('[role="row"][data-uuid]')
}

/** How many chargers the grid says it shows (aria-rowcount counts the header row too). */
export async function shownCount(page: Page): Promise<number> {
  return Number(await grid(page).getAttribute('aria-rowcount')) - 1
}

export async function expectShown(page: Page, n: number): Promise<void> {
  await expect(grid(page)).toHaveAttribute('aria-rowcount', String(n + 1))
}

/** Signs in with the simulator's token and waits until the whole fleet is listed and fresh. */
export async function signInAndWait(page: Page, token: string, fleetSize: number): Promise<void> {
  await signIn(page, token)
  await expect(totalLine(page, fleetSize)).toBeVisible({ timeout: 30_000 })
  await expect(page.getByText(/^Updated .* ago$/)).toBeVisible({ timeout: 30_000 })
  await expectShown(page, fleetSize)
}

export function filterButton(page: Page, label: string): Locator {
  return page
    .getByRole('group', { name: 'Filter by health' })
    .getByRole('button', { name: new RegExp(`^${label} [\\d,]+$`) })
}

/** The text of one column in the rows currently rendered, top to bottom. */
export async function columnTexts(page: Page, columnIndex: number): Promise<string[]> {
  return bodyRows(page).evaluateAll(
    (rows, index) =>
      rows
        .map((row) => ({
          top: row.getBoundingClientRect().top,
          text: row.querySelectorAll('[role="gridcell"]:not([data-select])')[index]?.textContent?.trim() ?? '',
        }))
        .sort((a, b) => a.top - b.top)
        .map((row) => row.text),
    columnIndex,
  )
}

export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = join(testInfo.project.outputDir, 'screenshots', `${name}.png`)
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' })
  await testInfo.attach(name, { path, contentType: 'image/png' })
}

/** Reads an exported file the way a spreadsheet would (csv-parse handles quoting, CRLF and the BOM). */
export function parseCsv(text: string): string[][] {
  return parse(text, { bom: true })
}
