// The sandboxed preload must be one CommonJS file that requires nothing but `electron`: a sandboxed renderer
// has no Node module loader, so any other require (zod, a chunk, a node: module) breaks the app at start.
// This builds the preload with the project's own electron-vite config into a temp folder and runs the result
// the way a sandbox would: a bare context whose `require` knows only `electron`.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import vm from 'node:vm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { resolveConfig } from 'electron-vite'
import { build } from 'vite'
import * as fake from '../../fakes/electron'
import { COMMANDS } from '@shared/ipc-channels'
import type { RendererBridge } from '@shared/ipc-contract'

const root = new URL('../../..', import.meta.url).pathname
let outDir: string
let bundle: string
let files: string[]

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'plugfleet-preload-'))
  const resolved = await resolveConfig(
    { root, configFile: join(root, 'electron.vite.config.ts'), build: { outDir }, logLevel: 'silent' },
    'build',
    'production',
  )
  const preload = resolved.config?.preload
  if (!preload) throw new Error('electron.vite.config.ts has no preload build')
  await build(preload)
  files = await readdir(join(outDir, 'preload'))
  bundle = await readFile(join(outDir, 'preload', 'index.cjs'), 'utf8')
}, 60_000)

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true })
})

describe('preload bundle', () => {
  it('is a single file', () => {
    expect(files).toEqual(['index.cjs'])
  })

  it('requires only electron, and imports nothing', () => {
    const required = [...bundle.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1])
    expect(required).toEqual(['electron'])
    expect(bundle).not.toMatch(/\bimport\s*\(|^\s*import\s|^\s*export\s/m)
  })

  it('runs in a bare sandbox context and exposes one function per command', () => {
    fake.resetFakeElectron()
    const asked: string[] = []
    const sandboxRequire = (name: string) => {
      asked.push(name)
      if (name !== 'electron') throw new Error(`module not found: ${name}`)
      return fake
    }
    const module = { exports: {} }
    vm.runInNewContext(bundle, { require: sandboxRequire, module, exports: module.exports }, { filename: 'index.cjs' })
    expect(asked).toEqual(['electron'])
    const bridge = fake.contextBridge.exposed.get('plugfleet') as RendererBridge
    expect(Object.keys(bridge.invoke).sort()).toEqual([...COMMANDS].sort())
  })
})
