// `npm run bench`: every speed and memory figure of the app, measured against a baseline in the same run,
// printed as it goes and, as the last line, one JSON object. Targets are checked and reported, not asserted
// in unit tests (these machines are shared and noisy).
import { benchSync } from './sync-bench'
import { benchSnapshot } from './snapshot-bench'
import { benchRenderer } from './renderer-bench'
import { benchHistory } from './history-bench'

interface Target {
  name: string
  met: boolean
  detail: string
}

const targets: Target[] = []
const target = (name: string, met: boolean, detail: string) => targets.push({ name, met, detail })

console.log('sync: 5,000 chargers from the simulated API with 100 ms latency, ours vs following links.next one by one…')
const sync = await benchSync()
console.log(
  `  ours ${sync.oursMs} ms, naive ${sync.naiveMs} ms, ratio ${sync.ratio}; ${sync.requests} requests, ${sync.http429} × 429, ${sync.wastedRequests} wasted; steady ${sync.steadyRequestsPerMinute} requests/min`,
)
target('sync ratio ≤ 0.25 (aim 0.1)', sync.ratio <= 0.25, String(sync.ratio))
target('no 429', sync.http429 === 0, String(sync.http429))
target('≤ 3 wasted requests', sync.wastedRequests <= 3, String(sync.wastedRequests))
target('steady ≤ 100 requests/min', sync.steadyRequestsPerMinute <= 100, String(sync.steadyRequestsPerMinute))

console.log('snapshot: load and validate a 10,000-charger offline copy, vs reading + JSON.parse alone…')
const snapshot = await benchSnapshot()
console.log(
  `  load ${snapshot.loadMs} ms (parse alone ${snapshot.parseOnlyMs} ms, ×${snapshot.ratio}), save ${snapshot.saveMs} ms, ${(snapshot.fileBytes / 1e6).toFixed(1)} MB`,
)
target('snapshot load < 500 ms', snapshot.loadMs < 500, `${snapshot.loadMs} ms`)

console.log('renderer: 10,000 chargers in Chromium through the web preview…')
const renderer = await benchRenderer()
console.log(
  `  first rows ${renderer.firstRowsMs} ms after the snapshot reached the page (+${renderer.bodyTransferMs} ms for Chromium to hand the page the 8 MB body); search p95 ${renderer.searchP95Ms} ms; filter p95 ${renderer.filterP95Ms} ms`,
)
console.log(
  `  ≤ ${renderer.maxRowElements} row elements; a sync changing ${renderer.deltaChangedChargers} chargers recreated ${renderer.rowsRecreatedByDelta} of ${renderer.rowsTotalBeforeDelta} rows; heap ${renderer.heapMB} MB`,
)
target('first rows ≤ 300 ms', renderer.firstRowsMs <= 300, `${renderer.firstRowsMs} ms`)
target('search p95 ≤ 50 ms', renderer.searchP95Ms <= 50, `${renderer.searchP95Ms} ms`)
target('filter p95 ≤ 50 ms', renderer.filterP95Ms <= 50, `${renderer.filterP95Ms} ms`)
target('≤ ~100 row elements', renderer.maxRowElements <= 110, String(renderer.maxRowElements))
target(
  'a 10-charger sync recreates ≤ 10 rows',
  renderer.rowsRecreatedByDelta <= 10,
  String(renderer.rowsRecreatedByDelta),
)
target('heap < 80 MB', renderer.heapMB < 80, `${renderer.heapMB} MB`)

console.log('history: 90 simulated days of a 10,000-charger fleet recorded into SQLite, then queried…')
const history = await benchHistory()
console.log(
  `  ${history.eventsPerDay} events/day, simulated in ${history.simulateSec} s; opening the 90-day history ${history.openMs} ms`,
)
console.log(
  `  record a sync with 100 transitions ${history.recordMs} ms (the transitions the app computes anyway ${history.recordBaselineMs} ms, ×${history.recordRatio})`,
)
console.log(
  `  uptime of every charger over 30 days ${history.uptimeMs} ms (reading the event rows alone ${history.uptimeBaselineMs} ms, ×${history.uptimeRatio})`,
)
console.log(
  `  one charger's strip, uptimes and events ${history.stripMs} ms, max ${history.stripMaxMs} ms (its bare event query ${history.stripBaselineMs} ms, ×${history.stripRatio})`,
)
console.log(
  `  database ${history.dbMB} MB with polls every ${history.pollEveryMin} min, ${history.dbMBAtMinutePolls} MB with the sync rows of 1-min polls (the fleet's JSON copy ${history.snapshotMB} MB)`,
)
target('history record ≤ 10 ms', history.recordMs <= 10, `${history.recordMs} ms`)
target('history uptime 10,000 × 30 d ≤ 150 ms', history.uptimeMs <= 150, `${history.uptimeMs} ms`)
target('history strip ≤ 10 ms', history.stripMs <= 10, `${history.stripMs} ms`)
target('history ≤ 100 MB after 90 days', history.dbMBAtMinutePolls <= 100, `${history.dbMBAtMinutePolls} MB`)

console.log('\ntargets:')
for (const t of targets) console.log(`  ${t.met ? 'met ' : 'MISS'}  ${t.name}: ${t.detail}`)
console.log(JSON.stringify({ sync, snapshot, renderer, history, targetsMet: targets.every((t) => t.met) }))
