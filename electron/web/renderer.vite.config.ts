// The web preview's own renderer bundle (out/web-renderer): the same app as the desktop bundle, but with the
// loopback transport in place of Electron's preload bridge. Only the `@transport` alias differs; the desktop
// bundle (electron.vite.config.ts) never contains the web bridge, its SSE reader or the preview secret.
import { fileURLToPath } from 'node:url'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import { defineConfig } from 'vite'

const at = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url))

export default defineConfig({
  root: at('renderer'),
  base: './',
  plugins: [svelte()],
  resolve: {
    tsconfigPaths: true,
    alias: { '@transport': at('renderer/src/transport/web/connect.ts') },
  },
  build: {
    outDir: at('out/web-renderer'),
    emptyOutDir: true,
    rollupOptions: { input: { index: at('renderer/index.html') } },
  },
})
