// app:// for the app's own page (electron/main/window/app-protocol.ts): registered as a privileged scheme before
// the app is ready, served by protocol.handle once it is.
import { protocol } from 'electron'
import type { AppPage } from '../window/app-page'
import { APP_SCHEME, createAppProtocolHandler } from '../window/app-protocol'
import { contentSecurityPolicyHeader } from './security'

/**
 * Must run before `app` is ready, once (Electron throws otherwise). standard: relative URLs resolve and the page
 * gets the origin app://bundle, which CSP 'self' and localStorage need; secure: a secure context (the clipboard
 * API asks for one); supportFetchAPI without corsEnabled: fetch() works on the app's own origin only, never
 * from another origin (electron/electron#51152); codeCache: V8 caches the bundle between starts. Not bypassCSP,
 * not allowServiceWorkers, not stream.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ])
}

/** After `ready`: serves the built renderer folder on app:// (nothing for the dev server, which serves itself). */
export function serveAppBundle(page: AppPage): void {
  if (page.kind !== 'bundle') return
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      rendererDir: page.rendererDir,
      headers: { 'Content-Security-Policy': contentSecurityPolicyHeader(page) },
    }),
  )
}
