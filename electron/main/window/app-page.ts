// Which page the window loads, and whether a URL is that page: the IPC sender check, navigation guard and
// permission handlers all ask the same question, so it is answered once, here.
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

export type AppPage = { kind: 'dev-server'; url: string } | { kind: 'file'; path: string }

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * electron-vite's dev server (ELECTRON_RENDERER_URL) in development only; a packaged app always loads its own
 * file, whatever the environment says, so an environment variable can never point it at remote content.
 */
export function resolveAppPage(options: {
  isPackaged: boolean
  devServerUrl: string | undefined
  /** `out/renderer` of the build. */
  rendererDir: string
}): AppPage {
  if (!options.isPackaged && options.devServerUrl) {
    const url = new URL(options.devServerUrl)
    if (url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname)) {
      throw new Error(`ELECTRON_RENDERER_URL must be a loopback http URL, not ${url.origin}`)
    }
    return { kind: 'dev-server', url: url.href }
  }
  return { kind: 'file', path: join(options.rendererDir, 'index.html') }
}

/** True when `url` is the app's own page (any query or fragment); everything else is foreign. */
export function isAppPageUrl(page: AppPage, url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (page.kind === 'dev-server') {
    // The dev server serves the renderer's modules from its origin; the page itself is any path there.
    return parsed.origin === new URL(page.url).origin
  }
  const own = pathToFileURL(page.path)
  return parsed.protocol === 'file:' && parsed.host === own.host && parsed.pathname === own.pathname
}
