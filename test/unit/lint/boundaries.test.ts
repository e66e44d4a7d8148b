// The folder rules are lint rules (eslint.config.js): a file that crosses a process boundary fails `npm run lint`.
// Each case lints a one-line file at a path in the tree with the project's own config. Type information is
// switched off for these virtual files only (they belong to no tsconfig); the boundary rules need none.
import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../..', import.meta.url))
const eslint = new ESLint({
  cwd: root,
  overrideConfig: { languageOptions: { parserOptions: { project: null, projectService: false } } },
  ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
})

async function importErrors(filePath: string, specifier: string): Promise<string[]> {
  const line = `import '${specifier}'\n`
  const text = filePath.endsWith('.svelte') ? `<script lang="ts">\n${line}</script>\n` : line
  const [result] = await eslint.lintText(text, { filePath })
  return result!.messages.map((message) => message.message)
}

const cases: Array<[file: string, specifier: string, allowed: boolean]> = [
  // Only the Electron adapters, main's index.ts and the preload import electron.
  ['electron/main/core/violation.ts', 'electron', false],
  ['electron/main/sync/violation.ts', 'electron', false],
  ['electron/web/violation.ts', 'electron', false],
  ['renderer/src/lib/violation.ts', 'electron', false],
  ['electron/main/electron/violation.ts', 'electron', true],
  ['electron/main/index.ts', 'electron', true],
  ['electron/preload/index.ts', 'electron', true],
  // shared/ imports zod and itself, nothing else.
  ['shared/violation.ts', 'node:fs', false],
  ['shared/violation.ts', '@main/core/app-error', false],
  ['shared/violation.ts', '../electron/main/core/app-error', false],
  ['shared/violation.ts', 'undici', false],
  ['shared/violation.ts', 'zod', true],
  ['shared/violation.ts', './fleet-health', true],
  // The renderer imports nothing from electron/.
  ['renderer/src/lib/violation.ts', '@main/core/fleet-app', false],
  ['renderer/src/lib/violation.ts', '@web/bridge-server', false],
  ['renderer/src/lib/violation.ts', '../../../electron/main/core/fleet-app', false],
  ['renderer/src/components/Violation.svelte', '@main/core/fleet-app', false],
  ['renderer/src/lib/violation.ts', '@shared/fleet-health', true],
  // Main never imports the renderer.
  ['electron/main/core/violation.ts', '@renderer/lib/api', false],
  ['electron/main/electron/violation.ts', '../../../renderer/src/lib/api', false],
  ['electron/web/violation.ts', '@renderer/lib/fleet-query', false],
  // The simulator only through the demo's door.
  ['electron/main/core/violation.ts', '../sim/index', false],
  ['electron/main/index.ts', './sim/index', false],
  ['electron/web/violation.ts', '@main/sim', false],
  ['electron/main/core/demo-api.ts', '../sim/index', true],
]

describe('lint: folder boundaries', () => {
  it.each(cases)('%s importing %s: %s', async (file, specifier, allowed) => {
    const errors = await importErrors(file, specifier)
    if (allowed) expect(errors).toEqual([])
    else expect(errors.length).toBeGreaterThan(0)
  })
})
