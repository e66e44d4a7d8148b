import { chromium } from '@playwright/test'
import { generateFleet } from '@main/sim/fleet-generator'
import { hasFaultedSecondSocket } from '@main/sim/charger-detail-sim'

const url = process.argv[2]!
const scheme = (process.argv[3] ?? 'light') as 'light' | 'dark'
const fleet = generateFleet(240, 2026, Date.now())
const target = fleet.find((c) => hasFaultedSecondSocket(c) && c.permissions?.full)!
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: scheme })
await page.goto(url)
await page.getByRole('searchbox', { name: 'Search chargers' }).waitFor()
await page.waitForTimeout(1500)
await page.getByRole('searchbox', { name: 'Search chargers' }).fill(target.identity!)
await page.getByRole('row').filter({ hasText: target.identity! }).first().click()
await page.getByRole('region', { name: 'OCPP log' }).locator('li strong', { hasText: 'StatusNotification' }).first().waitFor()
await page.screenshot({ path: `/tmp/actions12-shots/detail-${scheme}.png` })
await page.getByRole('button', { name: 'Restart charger' }).click()
await page.waitForTimeout(300)
await page.screenshot({ path: `/tmp/actions12-shots/confirm-${scheme}.png` })
await page.getByRole('button', { name: 'Cancel' }).click()
await page.getByRole('searchbox', { name: 'Search chargers' }).fill('')
await page.waitForTimeout(500)
await page.getByRole('group', { name: 'Filter by health' }).getByRole('button', { name: /^OK/ }).click()
for (let i = 0; i < 4; i++) await page.getByRole('grid').getByRole('checkbox').nth(i + 1).click()
await page.screenshot({ path: `/tmp/actions12-shots/selection-${scheme}.png` })
await page.getByRole('combobox', { name: 'Command for the selection' }).selectOption('refresh-status')
await page.getByRole('button', { name: 'Send…' }).click()
await page.waitForTimeout(300)
await page.screenshot({ path: `/tmp/actions12-shots/bulk-confirm-${scheme}.png` })
await page.getByRole('button', { name: /^Send to/ }).click()
await page.getByRole('region', { name: 'Command results' }).getByText('completed').waitFor({ timeout: 20000 })
await page.screenshot({ path: `/tmp/actions12-shots/results-${scheme}.png` })
await browser.close()
