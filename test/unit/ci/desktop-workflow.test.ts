// .github/workflows/desktop.yml cannot run here (no Electron download); what can be checked is: it parses, it
// runs on the three machines the issue names, every npm script and npx binary it calls exists, and the CDP
// check it runs is the very file `npm run smoke:packaged` runs, which skips here with its reason.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import packageJson from '../../../package.json'

const require = createRequire(import.meta.url)
const root = new URL('../../..', import.meta.url).pathname
// The YAML parser electron-builder itself uses (no YAML package of our own).
const yaml = createRequire(require.resolve('app-builder-lib/package.json'))('js-yaml') as {
  load: (text: string) => unknown
}

type Step = { name?: string; run?: string; uses?: string; if?: string; shell?: string; with?: Record<string, string> }
type Workflow = {
  on: Record<string, unknown>
  jobs: Record<
    string,
    {
      'runs-on': string
      strategy: { matrix: { include: Array<{ os: string; dir: string }> } }
      env: Record<string, string>
      defaults: { run: { 'working-directory': string } }
      steps: Step[]
    }
  >
}

const workflow = yaml.load(readFileSync(join(root, '.github/workflows/desktop.yml'), 'utf8')) as Workflow
const job = workflow.jobs.desktop!
const runs = job.steps.flatMap((step) => (step.run ? [step.run] : []))
const scripts = packageJson.scripts as Record<string, string>

describe('the desktop workflow', () => {
  it('runs on Ubuntu 24.04, an arm64 Mac and Windows, each to the end', () => {
    expect(job.strategy.matrix.include.map((entry) => entry.os)).toEqual(['ubuntu-24.04', 'macos-14', 'windows-latest'])
    expect(job['runs-on']).toBe('${{ matrix.os }}')
    expect(job.strategy).toMatchObject({ 'fail-fast': false })
  })

  it('requires the Electron binary for every test it runs', () => {
    expect(job.env.PLUGFLEET_REQUIRE_ELECTRON).toBe('1')
    expect(runs.some((run) => run.includes('npx install-electron'))).toBe(true)
  })

  it('calls only npm scripts that exist, and npx binaries that are installed', () => {
    const npmScripts = runs.flatMap((run) =>
      [...run.matchAll(/npm (?:run ([\w:-]+)|(test)\b)/g)].map((m) => m[1] ?? m[2]!),
    )
    expect(npmScripts).toEqual(expect.arrayContaining(['test', 'pack', 'smoke:packaged']))
    for (const script of npmScripts) expect(scripts[script], `npm run ${script}`).toBeDefined()
    const binaries = runs.flatMap((run) => [...run.matchAll(/npx ([\w@/.-]+)/g)].map((m) => m[1]!))
    expect(binaries).toEqual(expect.arrayContaining(['install-electron', 'playwright']))
    for (const binary of binaries)
      expect(existsSync(join(root, 'node_modules/.bin', binary)), `npx ${binary}`).toBe(true)
    for (const script of runs.flatMap((run) => [...run.matchAll(/bash (test\/\S+\.sh)/g)].map((m) => m[1]!)))
      expect(existsSync(join(root, script)), script).toBe(true)
  })

  it('runs the tests under a display and the packaged check inside a Secret Service on Linux', () => {
    const linux = job.steps.filter((step) => step.if === "runner.os == 'Linux'" && step.run)
    expect(linux.map((step) => step.run)).toEqual(
      expect.arrayContaining([
        'xvfb-run -a npm test',
        'xvfb-run -a bash test/keyring/with-secret-service.sh npm run smoke:packaged',
      ]),
    )
  })

  it('checks the macOS signature, and launches Windows from a lower-case drive and an unusual path', () => {
    const mac = job.steps.find((step) => step.if === "runner.os == 'macOS'")
    expect(mac?.run).toMatch(/^codesign --verify --deep --strict /)
    const windows = job.strategy.matrix.include.find((entry) => entry.os === 'windows-latest')!
    expect(windows.dir).toMatch(/ /)
    expect(windows.dir).toMatch(/[^ -~]/) // a character outside printable ASCII
    expect(job.defaults.run['working-directory']).toBe('${{ matrix.dir }}')
    const lower = job.steps.find((step) => step.if === "runner.os == 'Windows'")
    expect(lower?.run).toMatch(/ToLower\(\)/)
    expect(lower?.run).toMatch(/npm run smoke:packaged -- --app "\$lower"/)
  })

  it('packs with the project’s electron-builder config, and smoke:packaged is the CDP check script', () => {
    expect(scripts.pack).toContain('electron-builder --config electron/build/electron-builder.json5 --dir')
    expect(scripts['smoke:packaged']).toBe('tsx test/packaged/cdp-smoke.ts')
    expect(existsSync(join(root, 'test/packaged/cdp-smoke.ts'))).toBe(true)
  })

  it('here, smoke:packaged skips with its reason; required, it fails', () => {
    const run = (env: NodeJS.ProcessEnv) =>
      spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'test/packaged/cdp-smoke.ts'], {
        cwd: root,
        encoding: 'utf8',
        env,
        timeout: 60_000,
      })
    const env = { ...process.env }
    delete env.PLUGFLEET_REQUIRE_ELECTRON
    const skipped = run(env)
    expect(skipped.status).toBe(0)
    expect(skipped.stdout).toMatch(/\[smoke:packaged\] skipping: no packaged app .*npm run pack/)
    const required = run({ ...env, PLUGFLEET_REQUIRE_ELECTRON: '1' })
    expect(required.status).toBe(1)
    expect(required.stderr).toMatch(/FAILED: PLUGFLEET_REQUIRE_ELECTRON=1, but no packaged app/)
  })
})
