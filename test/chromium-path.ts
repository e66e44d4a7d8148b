// Which Chromium the end-to-end tests, the bench and the headed checks start: CHROMIUM_PATH if set, else the
// system's /usr/bin/chromium (Debian's, as CI installs it), else Playwright's own browser (undefined here;
// `npx playwright install chromium` fetches it), so a newcomer on macOS or Windows can run the tests too.
import { existsSync } from 'node:fs'

const SYSTEM_CHROMIUM = '/usr/bin/chromium'

export function chromiumExecutable(): string | undefined {
  const chosen = process.env.CHROMIUM_PATH?.trim()
  if (chosen) return chosen
  return existsSync(SYSTEM_CHROMIUM) ? SYSTEM_CHROMIUM : undefined
}
