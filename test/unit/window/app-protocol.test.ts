// The app:// handler against real files: the built renderer folder is served, and nothing outside it, however
// the URL is spelt. Install paths with spaces and non-ASCII letters are real folders here; Windows paths
// (lower-case drive letters, `\`) are resolved with Node's win32 path rules.
import { existsSync, readdirSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path, { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appFileFor, createAppProtocolHandler, parseStandardUrl } from '@main/window/app-protocol'

let base: string
let rendererDir: string
const CSP = "default-src 'none'"

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'plugfleet-app-protocol-'))
  rendererDir = join(base, 'Zoë Müller', 'Plugchoice Fleet', 'resources', 'app.asar', 'out', 'renderer')
  await mkdir(join(rendererDir, 'assets'), { recursive: true })
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>app</title>')
  await writeFile(join(rendererDir, 'assets', 'index-Ab12.js'), 'export {}')
  await writeFile(join(rendererDir, 'assets', 'index-Ab12.css'), 'body{}')
  await writeFile(join(rendererDir, 'assets', 'notes.txt'), 'not a build output')
  await writeFile(join(rendererDir, 'assets', 'é à.svg'), '<svg/>')
  // What a traversal would be after: files beside and above the renderer folder.
  await writeFile(join(rendererDir, '..', 'secret.json'), '{"token":"pc-secret"}')
  await mkdir(join(rendererDir, '..', 'renderer-evil'), { recursive: true })
  await writeFile(join(rendererDir, '..', 'renderer-evil', 'index.html'), 'evil')
})

afterAll(async () => {
  await rm(base, { recursive: true, force: true })
})

function serve(url: string, init: RequestInit = {}) {
  const handler = createAppProtocolHandler({ rendererDir, headers: { 'Content-Security-Policy': CSP } })
  return handler(new Request(url, init))
}

describe('the app:// handler', () => {
  it('serves the page and its modules with the types Chromium insists on, and the CSP header', async () => {
    const page = await serve('app://bundle/index.html')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toBe(CSP)
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await page.text()).toBe('<!doctype html><title>app</title>')

    const script = await serve('app://bundle/assets/index-Ab12.js')
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await script.text()).toBe('export {}')
    expect((await serve('app://bundle/assets/index-Ab12.css')).headers.get('content-type')).toMatch(/^text\/css/)
    // Names with spaces and accents arrive percent-encoded, as Chromium sends them.
    const svg = await serve('app://bundle/assets/%C3%A9%20%C3%A0.svg')
    expect([svg.status, await svg.text()]).toEqual([200, '<svg/>'])
    expect((await serve('app://bundle/')).status).toBe(200)
  })

  it('answers HEAD without a body; refuses other methods', async () => {
    const head = await serve('app://bundle/index.html', { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-length')).toBe('33')
    expect(await head.text()).toBe('')
    const post = await serve('app://bundle/index.html', { method: 'POST', body: 'x' })
    expect(post.status).toBe(405)
  })

  it.each([
    ['a missing file', 'app://bundle/missing.js'],
    ['a folder', 'app://bundle/assets/'],
    ['a file type the build never emits', 'app://bundle/assets/notes.txt'],
    ['another host', 'app://elsewhere/index.html'],
    ['a port', 'app://bundle:8080/index.html'],
    ['an encoded parent segment', 'app://bundle/%2e%2e/secret.json'],
    ['an encoded slash', 'app://bundle/..%2fsecret.json'],
    ['an encoded backslash', 'app://bundle/..%5csecret.json'],
    ['a double-encoded parent', 'app://bundle/%252e%252e/secret.json'],
    ['a NUL byte', 'app://bundle/index.html%00.js'],
    ['a sibling folder with the same prefix', 'app://bundle/../renderer-evil/index.html'],
    ['a broken escape', 'app://bundle/%E0%A4%A.js'],
  ])('refuses %s with a 404', async (_what, url) => {
    const response = await serve(url)
    expect(response.status).toBe(404)
    expect(await response.text()).toBe('')
  })

  it('refuses credentials (a Request cannot even carry them; Chromium strips them from subresources)', () => {
    expect(appFileFor('app://user:pw@bundle/index.html', rendererDir)).toBeNull()
    expect(appFileFor('app://user@bundle/index.html', rendererDir)).toBeNull()
  })

  it('a literal ../ never leaves the folder: the URL parser resolves it first, as Chromium does', async () => {
    // Node's Request keeps `app://bundle/../secret.json` as given; the handler reads it as a standard URL.
    expect(parseStandardUrl('app://bundle/../secret.json')?.pathname).toBe('/secret.json')
    expect((await serve('app://bundle/../secret.json')).status).toBe(404)
    expect((await serve('app://bundle/assets/../index.html')).status).toBe(200)
  })
})

describe('appFileFor on Windows paths', () => {
  const windowsDirs = [
    'c:\\Users\\installer\\AppData\\Local\\Programs\\plugchoice-fleet\\resources\\app.asar\\out\\renderer',
    'C:\\Users\\Zoë Müller\\AppData\\Local\\Programs\\Plugchoice Fleet\\resources\\app.asar\\out\\renderer',
    '\\\\server\\share\\Plugchoice Fleet\\resources\\app.asar\\out\\renderer',
  ]

  it.each(windowsDirs)('maps the page and assets inside %s', (dir) => {
    expect(appFileFor('app://bundle/index.html', dir, path.win32)).toBe(path.win32.join(dir, 'index.html'))
    expect(appFileFor('app://bundle/assets/a%20b.js', dir, path.win32)).toBe(path.win32.join(dir, 'assets', 'a b.js'))
  })

  it.each(windowsDirs)('keeps everything else out of %s', (dir) => {
    for (const url of [
      'app://bundle/..%5c..%5csecret.json',
      'app://bundle/c:%5cWindows%5cwin.ini',
      'app://bundle/C:/Windows/win.ini',
      'app://bundle/index.html::$DATA',
      'app://bundle/%5c%5cevil%5cshare%5cx.js',
    ]) {
      expect(appFileFor(url, dir, path.win32), url).toBeNull()
    }
  })
})

describe('the real build', () => {
  const built = join(import.meta.dirname, '..', '..', '..', 'out', 'renderer')

  it.skipIf(!existsSync(join(built, 'index.html')))('serves every file the build emits, with a type', async () => {
    const handler = createAppProtocolHandler({ rendererDir: built, headers: {} })
    const files = readdirSync(built, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile())
    expect(files.length).toBeGreaterThan(2)
    for (const entry of files) {
      const relative = path.relative(built, join(entry.parentPath, entry.name)).split(path.sep).map(encodeURIComponent)
      const response = await handler(new Request(`app://bundle/${relative.join('/')}`))
      expect(response.status, relative.join('/')).toBe(200)
    }
  })
})
