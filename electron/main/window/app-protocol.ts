// The app's own page is served from app://bundle/ (a privileged standard scheme, electron/main/electron/app-protocol.ts)
// out of the built renderer folder, never from file:. The page's URL then no longer depends on where the app is
// installed: a lower-case drive letter, a space or an accent in the install path cannot make the IPC sender check
// or the navigation guard refuse the app's own window (Chromium canonicalises file: URLs its own way, e.g. an
// upper-case drive letter, which Node's pathToFileURL does not). Plain Node: the handler takes a Fetch API Request
// and answers a Response, as protocol.handle wants, and is tested against real files.
import { readFile as readFileFromDisk } from 'node:fs/promises'
import nodePath, { type PlatformPath } from 'node:path'

export const APP_SCHEME = 'app'
export const APP_HOST = 'bundle'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_PAGE_PATH = '/index.html'
export const APP_PAGE_URL = `${APP_ORIGIN}${APP_PAGE_PATH}`

/** A URL split the way Chromium splits a URL of a registered standard scheme. */
export interface StandardUrl {
  scheme: string
  username: string
  password: string
  host: string
  port: string
  pathname: string
  search: string
  hash: string
  href: string
}

/**
 * Parses `url` the way Chromium parses a scheme registered as standard: exactly like http (host lower-cased,
 * `\` read as `/`, dot segments and `%2e` resolved, missing slashes added), but without a default port. Node's
 * WHATWG parser treats `app:` as a non-special scheme (host case kept, `\` kept, `app:x` has no host), so the
 * string Chromium hands to the protocol handler and to `will-navigate` would not compare equal to Node's.
 * null for anything that is not such a URL.
 */
export function parseStandardUrl(url: string): StandardUrl | null {
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):(.*)$/s.exec(url.trim())
  if (!match) return null
  const scheme = match[1]!.toLowerCase()
  let http: URL
  let https: URL
  try {
    http = new URL(`http:${match[2]}`)
    https = new URL(`https:${match[2]}`)
  } catch {
    return null
  }
  if (http.hostname === '') return null
  // http drops :80 and https drops :443 as their defaults; a custom scheme has no default and keeps either.
  const port = http.port || https.port
  const userinfo = http.username || http.password ? `${http.username}${http.password ? `:${http.password}` : ''}@` : ''
  const authority = `${userinfo}${http.hostname}${port ? `:${port}` : ''}`
  return {
    scheme,
    username: http.username,
    password: http.password,
    host: http.hostname,
    port,
    pathname: http.pathname,
    search: http.search,
    hash: http.hash,
    href: `${scheme}://${authority}${http.pathname}${http.search}${http.hash}`,
  }
}

/** True for any URL on the app's own origin, app://bundle (no port, no credentials). */
export function isAppOriginUrl(url: string): boolean {
  const parsed = parseStandardUrl(url)
  return (
    parsed !== null &&
    parsed.scheme === APP_SCHEME &&
    parsed.host === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  )
}

/**
 * The file inside `rendererDir` that an app:// URL names, or null when it names nothing there: another host, a
 * port, credentials, or a path that would leave the folder. The URL parser has already resolved `..` and `%2e%2e`;
 * what it cannot see is decoded here: `%2f` and `%5c` (a separator once decoded, `\` on Windows), `%00`, and a `:`
 * (a drive letter or an NTFS stream on Windows). `path` is the platform's path module, injectable so the Windows
 * rules are tested on any machine.
 */
export function appFileFor(url: string, rendererDir: string, path: PlatformPath = nodePath): string | null {
  if (!isAppOriginUrl(url)) return null
  let decoded: string
  try {
    decoded = decodeURIComponent(parseStandardUrl(url)!.pathname)
  } catch {
    return null
  }
  if (decoded.endsWith('/')) decoded += 'index.html'
  const segments = decoded.split('/').slice(1)
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..' || /[\\:\0]/.test(segment))) {
    return null
  }
  const root = path.resolve(rendererDir)
  const file = path.resolve(root, ...segments)
  const inside = path.relative(root, file)
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return null
  return file
}

/**
 * The file types a Vite build of the renderer emits. Module scripts must come with a JavaScript type (Chromium
 * enforces strict MIME checking for them: electron/electron#12011); anything else is not served at all.
 */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
}

const NOT_FOUND_CODES = new Set(['ENOENT', 'ENOTDIR', 'EISDIR'])

export interface AppProtocolOptions {
  /** `out/renderer` of the build (inside app.asar once packaged: Electron's fs reads from it). */
  rendererDir: string
  /** Added to every response, e.g. the Content-Security-Policy header. */
  headers: Readonly<Record<string, string>>
  path?: PlatformPath
  readFile?: (file: string) => Promise<Uint8Array>
}

/** The protocol.handle handler for app://: GET and HEAD of files inside the renderer folder, nothing else. */
export function createAppProtocolHandler(options: AppProtocolOptions): (request: Request) => Promise<Response> {
  const read = options.readFile ?? readFileFromDisk
  const path = options.path ?? nodePath
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: { Allow: 'GET, HEAD' } })
    }
    const file = appFileFor(request.url, options.rendererDir, path)
    const type = file === null ? undefined : CONTENT_TYPES[path.extname(file).toLowerCase()]
    if (file === null || type === undefined) return new Response(null, { status: 404 })
    let body: Uint8Array
    try {
      body = await read(file)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? ''
      return new Response(null, { status: NOT_FOUND_CODES.has(code) ? 404 : 500 })
    }
    const headers = {
      ...options.headers,
      'Content-Type': type,
      'Content-Length': String(body.byteLength),
      'X-Content-Type-Options': 'nosniff',
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers })
  }
}
