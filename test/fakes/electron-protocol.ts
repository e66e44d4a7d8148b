// The fake `electron`'s `protocol` (re-exported by ./electron.ts), with the rules of Electron 45 that the app
// depends on:
// - registerSchemesAsPrivileged only before the app is ready (Electron throws "protocol.registerSchemesAsPrivileged
//   should be called before app is ready", electron/electron#30533);
// - handle() only once it is (the module forwards to the default session, which exists from `ready` on), once per
//   scheme ("Failed to register protocol: <scheme>" on a second one); the handler gets a Fetch API Request;
// - URLs as Chromium canonicalises them, not as Node parses them: a scheme registered `standard` is parsed like
//   http (host lower-cased, `\` as `/`, dot segments resolved) but keeps any port, and a file: URL gets an
//   upper-case drive letter. test/e2e/standard-scheme-urls.spec.ts checks these rules against real Chromium.
import type * as Electron from 'electron'

type Handler = Parameters<Electron.Protocol['handle']>[1]

/** Schemes Chromium handles itself: a page can load them without any protocol handler. */
const BUILT_IN_SCHEMES = new Set(['http', 'https', 'ws', 'wss', 'file', 'data', 'about', 'blob', 'devtools', 'chrome'])

export class FakeProtocol implements Pick<
  Electron.Protocol,
  'registerSchemesAsPrivileged' | 'handle' | 'unhandle' | 'isProtocolHandled'
> {
  privileged: Electron.CustomScheme[] = []
  readonly handlers = new Map<string, Handler>()

  constructor(private readonly isReady: () => boolean) {}

  registerSchemesAsPrivileged(customSchemes: Electron.CustomScheme[]): void {
    if (this.isReady()) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready')
    this.privileged.push(...customSchemes.map((scheme) => ({ ...scheme, privileges: { ...scheme.privileges } })))
  }

  handle(scheme: string, handler: Handler): void {
    if (!this.isReady()) throw new Error('Session can only be received when app is ready')
    if (this.handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`)
    this.handlers.set(scheme, handler)
  }

  unhandle(scheme: string): void {
    this.handlers.delete(scheme)
  }

  isProtocolHandled(scheme: string): boolean {
    return this.handlers.has(scheme)
  }

  // --- test helpers ---
  isStandard(scheme: string): boolean {
    return this.privileged.some((custom) => custom.scheme === scheme && custom.privileges?.standard === true)
  }

  /** `url` as Chromium hands it to handlers, `will-navigate` and `frame.url`. */
  canonical(url: string): string {
    const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url)?.[1]?.toLowerCase()
    if (scheme && this.isStandard(scheme)) {
      const rest = url.slice(scheme.length + 1)
      const u = new URL(`http:${rest}`)
      // http would drop an explicit :80 as its default; a custom standard scheme has no default port.
      const port = u.port || new URL(`https:${rest}`).port
      const userinfo = u.username || u.password ? `${u.username}${u.password ? `:${u.password}` : ''}@` : ''
      return `${scheme}://${userinfo}${u.hostname}${port ? `:${port}` : ''}${u.pathname}${u.search}${u.hash}`
    }
    const href = new URL(url).href
    return scheme === 'file'
      ? href.replace(/^file:\/\/\/([a-z])(?::|%7C|\|)/i, (_m, d: string) => `file:///${d.toUpperCase()}:`)
      : href
  }

  /** A request from a page to `url`, answered by the handler of its scheme (Chromium's error when none). */
  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const canonical = this.canonical(url)
    const scheme = canonical.slice(0, canonical.indexOf(':'))
    const handler = this.handlers.get(scheme)
    if (!handler) throw new Error(`net::ERR_UNKNOWN_URL_SCHEME loading '${url}'`)
    return handler(new Request(canonical, init))
  }

  /** Whether a page can load `url` without a handler of the app's. */
  static isBuiltIn(url: string): boolean {
    return BUILT_IN_SCHEMES.has(url.slice(0, url.indexOf(':')).toLowerCase())
  }

  reset(): void {
    this.privileged = []
    this.handlers.clear()
  }
}
