import { describe, expect, it } from 'vitest'
import { placeWindow } from '@main/window/window-state'
import { isAppPageUrl, resolveAppPage } from '@main/window/app-page'

const laptop = { x: 0, y: 0, width: 1440, height: 860 }
const monitorRight = { x: 1440, y: 0, width: 2560, height: 1400 }

describe('placeWindow', () => {
  it('restores a window that is on a display', () => {
    expect(placeWindow({ x: 1600, y: 100, width: 1400, height: 900 }, [laptop, monitorRight])).toEqual({
      x: 1600,
      y: 100,
      width: 1400,
      height: 900,
    })
  })

  it('falls back to the default size, centred, when its display is gone', () => {
    expect(placeWindow({ x: 1600, y: 100, width: 1400, height: 900 }, [laptop])).toEqual({ width: 1200, height: 800 })
  })

  it('falls back when only a sliver of the title bar would be reachable', () => {
    expect(placeWindow({ x: 1400, y: 100, width: 900, height: 600 }, [laptop])).toEqual({ width: 1200, height: 800 })
    expect(placeWindow({ x: 100, y: -500, width: 900, height: 600 }, [laptop])).toEqual({ width: 1200, height: 800 })
  })

  it('keeps a window whose title bar is reachable even if part of it hangs off the edge', () => {
    expect(placeWindow({ x: 1000, y: 100, width: 900, height: 600 }, [laptop])).toMatchObject({ x: 1000, y: 100 })
  })

  it('shrinks a window larger than the display it is on (the resolution went down)', () => {
    expect(placeWindow({ x: 0, y: 0, width: 2500, height: 1300 }, [laptop])).toEqual({
      x: 0,
      y: 0,
      width: 1440,
      height: 860,
    })
  })

  it('opens with the default size the first time', () => {
    expect(placeWindow(null, [laptop])).toEqual({ width: 1200, height: 800 })
  })
})

describe('the app page', () => {
  const rendererDir = '/opt/fleet/resources/app.asar/out/renderer'

  it('a packaged app always loads its own bundle over app://, whatever ELECTRON_RENDERER_URL says', () => {
    expect(resolveAppPage({ isPackaged: true, devServerUrl: 'https://evil.example/', rendererDir })).toEqual({
      kind: 'bundle',
      url: 'app://bundle/index.html',
      rendererDir,
    })
    expect(resolveAppPage({ isPackaged: false, devServerUrl: undefined, rendererDir }).url).toBe(
      'app://bundle/index.html',
    )
  })

  it('development uses the loopback dev server and refuses anything else', () => {
    expect(resolveAppPage({ isPackaged: false, devServerUrl: 'http://localhost:5173', rendererDir })).toEqual({
      kind: 'dev-server',
      url: 'http://localhost:5173/',
    })
    expect(() => resolveAppPage({ isPackaged: false, devServerUrl: 'http://192.168.1.5:5173', rendererDir })).toThrow(
      /loopback/,
    )
    expect(() => resolveAppPage({ isPackaged: false, devServerUrl: 'https://localhost:5173', rendererDir })).toThrow(
      /loopback/,
    )
  })

  it('recognises only its own page', () => {
    const page = resolveAppPage({ isPackaged: true, devServerUrl: undefined, rendererDir })
    expect(isAppPageUrl(page, 'app://bundle/index.html')).toBe(true)
    expect(isAppPageUrl(page, 'app://bundle/index.html#/charger/1')).toBe(true)
    expect(isAppPageUrl(page, 'app://bundle/index.html?x=1')).toBe(true)
    // Spelt as Chromium would never hand it over, but the same page once canonicalised as a standard scheme.
    expect(isAppPageUrl(page, 'APP://Bundle/./assets/../index.html')).toBe(true)
    expect(isAppPageUrl(page, 'app://bundle/other.html')).toBe(false)
    expect(isAppPageUrl(page, 'app://bundle/')).toBe(false)
    expect(isAppPageUrl(page, 'app://bundle.evil.example/index.html')).toBe(false)
    expect(isAppPageUrl(page, 'app://bundle:8080/index.html')).toBe(false)
    expect(isAppPageUrl(page, 'app://user@bundle/index.html')).toBe(false)
    expect(isAppPageUrl(page, `file://${rendererDir}/index.html`)).toBe(false)
    expect(isAppPageUrl(page, 'https://bundle/index.html')).toBe(false)
    expect(isAppPageUrl(page, 'https://app.plugchoice.com/')).toBe(false)
    expect(isAppPageUrl(page, 'not a url')).toBe(false)

    const dev = resolveAppPage({ isPackaged: false, devServerUrl: 'http://localhost:5173/', rendererDir })
    expect(isAppPageUrl(dev, 'http://localhost:5173/index.html')).toBe(true)
    expect(isAppPageUrl(dev, 'http://localhost:5174/')).toBe(false)
  })
})
