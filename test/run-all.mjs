#!/usr/bin/env node
// `npm test`: every check and every test runner of the project, in one go, ending with one plain line
// "N passed, N failed, N skipped" summed over all of them (the line CI reads).
// Where a Secret Service can be started (dbus + gnome-keyring installed), the whole run happens inside a
// private one so the keychain tests use the real keychain; elsewhere those tests skip and say why.
import { spawn, spawnSync } from 'node:child_process'
import { availableParallelism } from 'node:os'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'

const root = fileURLToPath(new URL('..', import.meta.url))
const outDir = join(root, '.test-output')
const keyringWrapper = join(root, 'test', 'keyring', 'with-secret-service.sh')

function have(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0
}

if (
  !process.env.PLUGFLEET_IN_SECRET_SERVICE &&
  existsSync(keyringWrapper) &&
  have('dbus-run-session') &&
  have('gnome-keyring-daemon')
) {
  const run = spawnSync(
    'bash',
    [keyringWrapper, process.execPath, fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    {
      stdio: 'inherit',
      env: { ...process.env, PLUGFLEET_IN_SECRET_SERVICE: '1' },
    },
  )
  process.exit(run.status ?? 1)
}
if (!process.env.PLUGFLEET_IN_SECRET_SERVICE) {
  console.log('note: dbus-run-session or gnome-keyring-daemon is missing: the real-keychain tests will skip.')
}

rmSync(outDir, { recursive: true, force: true })
mkdirSync(outDir, { recursive: true })
const totals = { passed: 0, failed: 0, skipped: 0 }
const lines = []

function run(label, command, args) {
  console.log(`\n=== ${label}: ${[command, ...args].join(' ')}`)
  const started = Date.now()
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } })
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  return { ok: result.status === 0, seconds }
}

/** A check that is not a test runner (build, type checks) counts as one test: it passes or it fails. */
function check(label, command, args) {
  const { ok, seconds } = run(label, command, args)
  totals[ok ? 'passed' : 'failed']++
  lines.push(`${label}: ${ok ? 'passed' : 'FAILED'} (${seconds} s)`)
  return ok
}

/** One check in the background: its output kept, and printed in one piece when it ends. */
function checkInBackground(label, command, args) {
  return new Promise((resolve) => {
    const started = Date.now()
    const child = spawn(command, args, { cwd: root, env: { ...process.env, FORCE_COLOR: '0' } })
    const output = []
    child.stdout.on('data', (chunk) => output.push(chunk))
    child.stderr.on('data', (chunk) => output.push(chunk))
    child.on('close', (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1)
      console.log(`\n=== ${label}: ${[command, ...args].join(' ')}`)
      process.stdout.write(Buffer.concat(output))
      resolve({ label, ok: code === 0, seconds })
    })
  })
}

async function checksSideBySide(list) {
  const queue = [...list]
  const results = []
  const lane = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) results.push(await checkInBackground(...next))
  }
  await Promise.all(Array.from({ length: Math.max(1, availableParallelism()) }, lane))
  // In the order they are listed, not the order they ended, so the summary reads the same every time.
  for (const [label] of list) {
    const { ok, seconds } = results.find((result) => result.label === label)
    totals[ok ? 'passed' : 'failed']++
    lines.push(`${label}: ${ok ? 'passed' : 'FAILED'} (${seconds} s)`)
  }
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

const npx = (bin, ...args) => ['npx', ['--no-install', bin, ...args]]

const built = check('build', 'npm', ['run', 'build', '--silent'])
// The static checks are single-threaded and independent: run them side by side (as many as there are cores),
// each one's output printed whole when it ends, so the whole run stays well inside CI's ten minutes.
// ESLint (typed rules) is the longest by far: it goes first, so the others share the second lane beside it.
const staticChecks = [
  ['eslint', ...npx('eslint', '.', '--max-warnings', '0')],
  ['tsc', ...npx('tsc', '--noEmit', '-p', 'tsconfig.json')],
  ['tsc (browser-facing tests)', ...npx('tsc', '--noEmit', '-p', 'test/tsconfig.json')],
  [
    'svelte-check',
    ...npx('svelte-check', '--tsconfig', './renderer/tsconfig.json', '--fail-on-warnings', '--output', 'human'),
  ],
  ['prettier', ...npx('prettier', '--check', '.')],
]
if (existsSync(join(root, 'test', 'electronegativity.mjs')))
  staticChecks.push(['electronegativity', process.execPath, ['test/electronegativity.mjs']])
await checksSideBySide(staticChecks)

// Unit and integration tests (vitest).
const vitestFile = join(outDir, 'vitest.json')
const vitest = run(
  'vitest',
  ...npx(
    'vitest',
    'run',
    '--config',
    'test/vitest.config.ts',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${vitestFile}`,
  ),
)
const v = readJson(vitestFile)
if (v) {
  const skipped = (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0)
  totals.passed += v.numPassedTests
  totals.failed += v.numFailedTests
  totals.skipped += skipped
  // A suite that fails to load has no tests to count: count it as one failure.
  const brokenSuites = (v.testResults ?? []).filter(
    (r) => r.status === 'failed' && (r.assertionResults ?? []).length === 0,
  ).length
  totals.failed += brokenSuites
  lines.push(
    `vitest: ${v.numPassedTests} passed, ${v.numFailedTests + brokenSuites} failed, ${skipped} skipped (${vitest.seconds} s)`,
  )
} else {
  totals.failed++
  lines.push('vitest: FAILED to report')
}

// End-to-end tests in Chromium through the web preview (needs the build).
const playwrightFile = join(outDir, 'playwright.json')
if (built) {
  const e2e = run('playwright', ...npx('playwright', 'test', '--config', 'test/playwright.config.ts'))
  const p = readJson(playwrightFile)
  if (p?.stats) {
    const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = p.stats
    totals.passed += expected + flaky
    totals.failed += unexpected
    totals.skipped += skipped
    lines.push(`playwright: ${expected + flaky} passed, ${unexpected} failed, ${skipped} skipped (${e2e.seconds} s)`)
    if (!e2e.ok && unexpected === 0) {
      totals.failed++
      lines.push('playwright: exited with an error outside the tests')
    }
  } else {
    totals.failed++
    lines.push('playwright: FAILED to report')
  }
} else {
  totals.failed++
  lines.push('playwright: not run (the build failed)')
}

console.log('\n=== summary')
for (const line of lines) console.log(line)
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(totals.failed === 0 ? 0 : 1)
