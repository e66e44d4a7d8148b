// The window's security settings that are not BrowserWindow options (Electron's security checklist,
// https://www.electronjs.org/docs/latest/tutorial/security): CSP, permissions, navigation, new windows,
// <webview>, remote requests, and the one door to the user's browser (shell.openExternal).
import { app, session, shell, type Session, type WebContents } from 'electron'
import { isAppPageUrl, type AppPage } from '../window/app-page'
import { isAppOriginUrl } from '../window/app-protocol'
import { devServerPolicy } from '@shared/dev-csp'
import { PLUGCHOICE_WEB_HOST } from '@shared/plugchoice-web'

export { PLUGCHOICE_WEB_HOST }

/**
 * The renderer's Content-Security-Policy. renderer/index.html carries it as a <meta>; the app:// handler
 * (app-protocol.ts) and the session's response filter send it as a header too. Scripts only from the app itself: no inline script, no eval, nothing remote.
 * `connect-src 'self'` serves the web preview's bridge (same origin); Electron's renderer talks to main over
 * IPC only, and any request it makes leaves no further than the webRequest filter below.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')

/**
 * The header form adds `frame-ancestors` (ignored in a <meta>). On the dev server only, inline styles are
 * allowed for Vite's injected CSS (shared/dev-csp.ts, which relaxes the page's <meta> the same way).
 */
export function contentSecurityPolicyHeader(page: AppPage): string {
  const policy = page.kind === 'dev-server' ? devServerPolicy(CONTENT_SECURITY_POLICY) : CONTENT_SECURITY_POLICY
  return `${policy}; frame-ancestors 'none'`
}

/** Exactly what the renderer may ask for: writing plain text to the clipboard ("copy identity"). */
const GRANTABLE_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write'])

/**
 * https on app.plugchoice.com only, on its default port, without credentials in the URL. Everything else
 * (http, another host or a look-alike, javascript:, file:, a custom scheme that launches a program) is refused:
 * openExternal hands the URL to the OS, which would run whatever handler the scheme has.
 */
export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  return (
    parsed.protocol === 'https:' &&
    parsed.hostname === PLUGCHOICE_WEB_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  )
}

/**
 * Opens an allowed URL in the user's browser; false (and nothing opened) for anything else. The OS gets the
 * href the check parsed, not the string it was given: a handler never sees spaces, tabs or a backslash that
 * the WHATWG parser read one way and an OS URL handler might read another.
 */
export async function openExternalSafely(url: string): Promise<boolean> {
  if (!isAllowedExternalUrl(url)) return false
  // electronegativity-justified OPEN_EXTERNAL_JS_CHECK: the one openExternal call; only https app.plugchoice.com passes the line above
  await shell.openExternal(new URL(url).href)
  return true
}

/** Permissions denied, with the one justified exception for the app's own page; CSP header; no remote requests. */
export function hardenSession(target: Session, page: AppPage): void {
  target.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(GRANTABLE_PERMISSIONS.has(permission) && isAppPageUrl(page, details.requestingUrl))
  })
  target.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => {
    if (!GRANTABLE_PERMISSIONS.has(permission)) return false
    return isAppPageUrl(page, details.requestingUrl ?? requestingOrigin)
  })
  // The renderer has no business with the network: the API is called from main. Only the dev server (in
  // development) and the app's own files load; anything else is cancelled before it leaves the machine.
  target.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isLocalResource(page, details.url) })
  })
  target.webRequest.onHeadersReceived((details, callback) => {
    // electronegativity-justified CSP_GLOBAL_CHECK: the value is computed per page from CONTENT_SECURITY_POLICY, which the tool cannot evaluate; the same policy is the <meta> it checks in renderer/index.html
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicyHeader(page)] },
    })
  })
}

function isLocalResource(page: AppPage, url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol === 'data:' || parsed.protocol === 'devtools:') return true
  // The built page loads from app://bundle only; file: is never needed, so it is refused like the network.
  if (page.kind === 'bundle') return isAppOriginUrl(url)
  const dev = new URL(page.url)
  // Vite's HMR client talks to the dev server over a WebSocket on the same host and port.
  return parsed.host === dev.host && ['http:', 'ws:'].includes(parsed.protocol)
}

/** Every web contents the app ever creates: no navigation away, no new windows, no <webview>. */
export function hardenWebContents(contents: WebContents, page: AppPage): void {
  contents.on('will-navigate', (event) => {
    // A reload of the app's own page is fine; a link or a script sending the window elsewhere is not.
    if (!isAppPageUrl(page, event.url)) event.preventDefault()
  })
  contents.on('will-redirect', (event) => {
    if (!isAppPageUrl(page, event.url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
  })
  // window.open and target=_blank: never a new Electron window. A Plugchoice link opens in the user's browser.
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void openExternalSafely(url)
    return { action: 'deny' }
  })
}

/** Installs the hardening for the default session and for every web contents created from now on. */
export function installSecurity(page: AppPage): void {
  hardenSession(session.defaultSession, page)
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, page))
}
