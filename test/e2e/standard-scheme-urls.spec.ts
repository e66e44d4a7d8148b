// app:// is registered as a standard scheme, which Chromium parses exactly as it parses http (Electron's
// protocol docs: "a standard scheme adheres to what RFC 3986 calls generic URI syntax"). Node's WHATWG parser
// reads app: as a non-special scheme and disagrees (host case, `\`, `app:x`), so the app's URL checks and the
// fake electron's URLs are compared here with what real Chromium makes of each spelling.
import { test, expect } from '@playwright/test'
import { FakeProtocol } from '../fakes/electron-protocol'
import { isAppPageUrl, resolveAppPage } from '@main/window/app-page'
import { appFileFor, parseStandardUrl } from '@main/window/app-protocol'

const SPELLINGS = [
  'app://bundle/index.html',
  'app://BUNDLE/index.html',
  'app://Bundle/./assets/../index.html',
  'app://bundle/%2e%2e/index.html',
  'app://bundle/assets/%2E/index-Ab.js',
  'app://bundle\\index.html',
  'app://bundle/assets\\index-Ab.js',
  'app:bundle/index.html',
  'app:///bundle/index.html',
  'app://bun%64le/index.html',
  'app://bundle/é à.svg',
  'app://bundle/%41%7e.js',
  'app://bundle/index.html?q=a b#/charger/1',
  'app://bundle/\tindex.html',
  'app://bundle./index.html',
  'app://bundle/..%2f..%2fsecret.json',
  'app://bundle/a/b/../../../../etc/passwd',
]

const rendererDir = '/opt/Plugchoice Fleet/resources/app.asar/out/renderer'
const page = resolveAppPage({ isPackaged: true, devServerUrl: undefined, rendererDir })

test('app:// URLs read in Node as Chromium canonicalises a standard scheme', async ({ page: browser }) => {
  await browser.goto('about:blank')
  const chromium = await browser.evaluate(
    (urls) => urls.map((url) => new URL(`http:${url.slice('app:'.length)}`).href.replace(/^http:/, 'app:')),
    SPELLINGS,
  )
  const fake = new FakeProtocol(() => false)
  fake.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true } }])

  let nodeDisagrees = 0
  SPELLINGS.forEach((spelling, i) => {
    const canonical = chromium[i]!
    // The fake electron hands handlers and frames the URL Chromium would.
    expect(fake.canonical(spelling), spelling).toBe(canonical)
    // Chromium's canonical form reads back unchanged, and every check answers the same for either form.
    expect(parseStandardUrl(canonical)?.href, spelling).toBe(canonical)
    expect(parseStandardUrl(spelling)?.href, spelling).toBe(canonical)
    expect(isAppPageUrl(page, spelling), spelling).toBe(isAppPageUrl(page, canonical))
    expect(appFileFor(spelling, rendererDir), spelling).toBe(appFileFor(canonical, rendererDir))
    if (!URL.canParse(spelling) || new URL(spelling).href !== canonical) nodeDisagrees++
  })
  // Why this test exists: Node's own parser gets many of these wrong for a standard scheme.
  expect(nodeDisagrees).toBeGreaterThan(5)
  expect(isAppPageUrl(page, 'app://BUNDLE/index.html')).toBe(true)
  // Dot segments stop at the URL's root, which is the renderer folder: they can never climb above it.
  expect(appFileFor('app://bundle/a/b/../../../../etc/passwd', rendererDir)).toBe(`${rendererDir}/etc/passwd`)
})

test('file: URLs keep a lower-case drive letter in Chromium on Linux; the fake follows Chromium on Windows', async ({
  page: browser,
}) => {
  // GURL upper-cases a drive letter only in Windows builds (url_canon_fileurl.cc), which is what the fake does
  // for drive-letter paths, since only a Windows app has them. Here Linux Chromium shows the rule is
  // platform-specific: the Windows job of .github/workflows/desktop.yml (launch from a lower-case drive) is
  // what sees it for real.
  await browser.goto('about:blank')
  const lower = 'file:///c:/Program%20Files/Plugchoice%20Fleet/index.html'
  expect(await browser.evaluate((url) => new URL(url).href, lower)).toBe(lower)
  expect(new FakeProtocol(() => false).canonical(lower)).toBe(lower.replace('file:///c:', 'file:///C:'))
})
