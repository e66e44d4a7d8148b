// Which page the window loads, and whether a URL is that page: the IPC sender check, navigation guard and
// permission handlers all ask the same question, so it is answered once, here.
import { APP_PAGE_PATH, APP_PAGE_URL, isAppOriginUrl, parseStandardUrl } from './app-protocol'

/**
 * The dev server in development; otherwise the built renderer served over app:// (app-protocol.ts) from
 * `rendererDir`, the same URL wherever the app is installed.
 */
export type AppPage = { kind: 'dev-server'; url: string } | { kind: 'bundle'; url: string; rendererDir: string }

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * electron-vite's dev server (ELECTRON_RENDERER_URL) in development only; a packaged app always loads its own
 * bundle, whatever the environment says, so an environment variable can never point it at remote content.
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
  return { kind: 'bundle', url: APP_PAGE_URL, rendererDir: options.rendererDir }
}

/** True when `url` is the app's own page (any query or fragment); everything else is foreign. */
export function isAppPageUrl(page: AppPage, url: string): boolean {
  if (page.kind === 'dev-server') {
    let parsed: URL
    try {
      parsed = new URL(url)
    } catch {
      return false
    }
    // The dev server serves the renderer's modules from its origin; the page itself is any path there.
    return parsed.origin === new URL(page.url).origin
  }
  // Compared as Chromium canonicalises app:// (a standard scheme), not as Node parses it.
  return isAppOriginUrl(url) && parseStandardUrl(url)!.pathname === APP_PAGE_PATH
}
