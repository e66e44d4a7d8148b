import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const root = fileURLToPath(new URL('..', import.meta.url))
// @shared/…, @main/… have one owner, tsconfig.json's `paths`. Vite's own `tsconfigPaths` would look for the
// tsconfig that includes each file, and the renderer's unit tests belong to renderer/tsconfig.json, so read it here.
const tsconfig = JSON.parse(readFileSync(`${root}tsconfig.json`, 'utf8')) as {
  compilerOptions: { paths: Record<string, string[]> }
}
const alias = Object.entries(tsconfig.compilerOptions.paths).map(([key, [target]]) => ({
  find: key.replace(/\/\*$/, ''),
  replacement: `${root}${target!.replace(/^\.\//, '').replace(/\/\*$/, '')}`,
}))

export default defineConfig({
  resolve: { alias },
  test: {
    root,
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Two cores on these machines: keep workers few so servers and timers are not starved.
    maxWorkers: 2,
  },
})
