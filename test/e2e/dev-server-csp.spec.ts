// `npm run dev` must show a styled window: Vite's dev server injects the CSS as <style> elements, which the
// page's CSP <meta> would block. The renderer is served by Vite's dev server with the project's own renderer
// config and opened in Chromium; without the dev-only plugin the same page is unstyled, which keeps this live.
import { test, expect, type Page } from '@playwright/test'
import { createServer, type InlineConfig, type PluginOption, type ViteDevServer } from 'vite'
import { loadConfigFromFile } from 'electron-vite'

const root = new URL('../..', import.meta.url).pathname
let renderer: InlineConfig

test.beforeAll(async () => {
  // electron-vite's own loader, as `npm run dev` reads electron.vite.config.ts (it provides __dirname).
  const loaded = await loadConfigFromFile({ command: 'serve', mode: 'development' }, undefined, root, 'silent')
  renderer = (loaded.config as { renderer: InlineConfig }).renderer
})

async function serve(plugins: PluginOption[]): Promise<ViteDevServer> {
  const server = await createServer({
    ...renderer,
    plugins,
    configFile: false,
    logLevel: 'silent',
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
  })
  await server.listen()
  return server
}

async function open(page: Page, server: ViteDevServer) {
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
  })
  await page.goto(server.resolvedUrls!.local[0]!)
  // app.css sets the page background from its design tokens; unstyled, Chromium's default is transparent.
  await page.waitForFunction(() => document.querySelectorAll('style').length > 0)
  await page.waitForTimeout(500)
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  const meta = await page.evaluate(
    () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
  )
  return { violations, background, meta }
}

test.describe('the renderer on the dev server', () => {
  test.setTimeout(90_000)

  test('is styled: the dev-only CSP allows Vite’s injected styles, and scripts stay self-only', async ({ page }) => {
    const server = await serve(renderer.plugins as PluginOption[])
    try {
      const { violations, background, meta } = await open(page, server)
      expect(violations).toEqual([])
      expect(background).not.toBe('rgba(0, 0, 0, 0)')
      expect(meta).toContain("style-src 'self' 'unsafe-inline'")
      expect(meta).toContain("script-src 'self';")
      expect(meta).not.toContain('unsafe-eval')
    } finally {
      await server.close()
    }
  })

  test('without the dev-only plugin the same page is refused its styles (the test can fail)', async ({ page }) => {
    const plugins = (renderer.plugins as PluginOption[]).filter(
      (plugin) => !(plugin && 'name' in plugin && plugin.name === 'plugfleet-dev-server-csp'),
    )
    const server = await serve(plugins)
    try {
      const { violations, background } = await open(page, server)
      expect(violations.some((text) => text.includes('style-src'))).toBe(true)
      expect(background).toBe('rgba(0, 0, 0, 0)')
    } finally {
      await server.close()
    }
  })
})
