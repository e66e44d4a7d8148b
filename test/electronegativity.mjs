#!/usr/bin/env node
// Runs Doyensec's electronegativity over the app's source (electron/ and the renderer's index.html, where the
// CSP meta lives) and fails on any finding that is not justified next to the code it flags.
//
// A justification is a comment on the flagged line or on one of the JUSTIFY_WINDOW lines above it:
//   // electronegativity-justified OPEN_EXTERNAL_JS_CHECK: the URL passed isAllowedExternalUrl() first
//   <!-- electronegativity-justified CSP_GLOBAL_CHECK: ... -->
// naming the check and giving a reason. Fixing the code is better; a justification is for what cannot be fixed.
//
//   node test/electronegativity.mjs            exit 0: no unjustified finding; 1: some; 2: the tool failed
//
// Electron's version is given (-e) because the tool cannot read it from a ^range and would otherwise assume
// 0.1.0 and report defaults that changed long ago; it also tries to download Electron's release list, which
// fails offline with a harmless "No connectivity?" line.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const JUSTIFY_WINDOW = 8
const MARKER = /electronegativity-justified\s+([A-Z_]+)\s*:\s*(\S.{15,})/

const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version
const cli = createRequire(import.meta.url).resolve('@doyensec/electronegativity/dist/index.js')

// One input folder holding exactly what is scanned, with the repo's relative paths.
const work = mkdtempSync(join(tmpdir(), 'plugfleet-electronegativity-'))
const scanned = join(work, 'src')
try {
  cpSync(join(root, 'electron'), join(scanned, 'electron'), { recursive: true })
  mkdirSync(join(scanned, 'renderer'), { recursive: true })
  cpSync(join(root, 'renderer', 'index.html'), join(scanned, 'renderer', 'index.html'))
  const report = join(work, 'report.sarif')
  const run = spawnSync(
    process.execPath,
    [cli, '-i', scanned, '-o', report, '-r', '-e', electronVersion, '-v', 'false'],
    {
      encoding: 'utf8',
      timeout: 5 * 60_000,
    },
  )
  if (run.status !== 0) {
    process.stderr.write(run.stdout + run.stderr)
    console.error(`electronegativity failed (exit ${run.status ?? run.signal})`)
    process.exit(2)
  }
  const results = JSON.parse(readFileSync(report, 'utf8')).runs[0].results
  const unjustified = []
  let justified = 0
  for (const result of results) {
    const location = result.locations?.[0]?.physicalLocation
    const file = location?.artifactLocation?.uri
    const line = location?.region?.startLine ?? 0
    const where = file && file !== 'N/A' ? `${file}:${line}` : '(whole app)'
    const reason = file && file !== 'N/A' ? justification(join(root, file), line, result.ruleId) : null
    if (reason) {
      justified++
      console.log(`justified  ${result.ruleId} ${where} — ${reason}`)
    } else {
      unjustified.push(`${result.ruleId} ${where}: ${result.message.text}`)
    }
  }
  for (const finding of unjustified) console.log(`UNJUSTIFIED ${finding}`)
  console.log(
    `electronegativity: ${results.length} findings, ${justified} justified, ${unjustified.length} unjustified`,
  )
  process.exit(unjustified.length === 0 ? 0 : 1)
} finally {
  rmSync(work, { recursive: true, force: true })
}

/** The reason of a marker for `check` on `line` or just above it, or null. */
function justification(path, line, check) {
  let lines
  try {
    lines = readFileSync(path, 'utf8').split('\n')
  } catch {
    return null
  }
  for (let i = Math.max(0, line - 1 - JUSTIFY_WINDOW); i <= Math.min(lines.length - 1, line - 1); i++) {
    const match = MARKER.exec(lines[i])
    if (match && match[1] === check) return match[2].replace(/\s*(-->|\*\/)\s*$/, '').trim()
  }
  return null
}
