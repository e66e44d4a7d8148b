import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import { devServerCsp } from './electron/build/dev-csp-plugin'

// Path aliases (@shared/…) have one owner: the tsconfig.json beside each root's sources.
const resolveOptions = { tsconfigPaths: true }

// Custom roots (electron/, renderer/) instead of electron-vite's src/ defaults: the repo is grouped by process.
export default defineConfig({
  main: {
    resolve: resolveOptions,
    build: {
      externalizeDeps: true,
      rollupOptions: { input: { index: resolve(__dirname, 'electron/main/index.ts') } },
    },
  },
  preload: {
    resolve: resolveOptions,
    build: {
      externalizeDeps: true,
      // A sandboxed preload cannot load ES modules: one CommonJS bundle that imports only `electron`.
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    resolve: resolveOptions,
    plugins: [svelte(), devServerCsp()],
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
})
