// The desktop bundle is the desktop app: the built Electron renderer (out/renderer) holds no web-preview code,
// no loopback bridge, SSE reader, preview secret or "npm run web" wording, while the web preview's own bundle
// (out/web-renderer) does (which shows these markers are the right ones to look for). Reads what `npm run build`
// wrote; npm test builds first.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const out = fileURLToPath(new URL('../../../out', import.meta.url))
const built = existsSync(join(out, 'renderer', 'index.html')) && existsSync(join(out, 'web-renderer', 'index.html'))
if (!built) console.warn('desktop-bundle: nothing built under out/ (run `npm run build`); these checks skip.')

function bundleText(dir: string): string {
  const assets = join(out, dir, 'assets')
  return readdirSync(assets)
    .filter((name) => name.endsWith('.js'))
    .map((name) => readFileSync(join(assets, name), 'utf8'))
    .join('\n')
}

/** One marker of each piece of web-preview code, as it survives minification. */
const PREVIEW_MARKERS = {
  'the preview’s name for itself': 'npm run web',
  'the event stream': 'text/event-stream',
  'the secret header': 'x-plugfleet-secret',
  'the bridge’s event route': '/ipc/events',
  'the secret in the link': 'secret=',
  'the secret kept for reloads': 'sessionStorage',
}

describe.skipIf(!built)('the built renderer bundles', () => {
  it.each(Object.entries(PREVIEW_MARKERS))('the desktop bundle has no %s; the web preview’s has', (_, marker) => {
    // Booleans, not the texts: a failure names the marker instead of printing a megabyte of bundle.
    const has = (dir: string) => bundleText(dir).toLowerCase().includes(marker.toLowerCase())
    expect(has('renderer'), `out/renderer holds ${marker}`).toBe(false)
    expect(has('web-renderer'), `out/web-renderer lacks ${marker}`).toBe(true)
  })

  it('both load the same page under the same content security policy', () => {
    const page = (dir: string) => readFileSync(join(out, dir, 'index.html'), 'utf8')
    const csp = (html: string) => /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    expect(csp(page('renderer'))).toBeDefined()
    expect(csp(page('web-renderer'))).toBe(csp(page('renderer')))
  })
})
