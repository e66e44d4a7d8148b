// One state of the window saved at the sizes and themes the issue asks to look at: 1024×640 and 1280×800, light
// and dark. The page is put back to 1280×800, light, afterwards.
import type { Page, TestInfo } from '@playwright/test'
import { saveScreenshot } from './ui-helpers'

const SIZES = [
  { width: 1024, height: 640 },
  { width: 1280, height: 800 },
] as const

export async function saveScreenshotMatrix(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    for (const size of SIZES) {
      await page.setViewportSize(size)
      await saveScreenshot(page, testInfo, `${name}-${size.width}x${size.height}-${colorScheme}`)
    }
  }
  await page.emulateMedia({ colorScheme: 'light' })
  await page.setViewportSize({ width: 1280, height: 800 })
}
