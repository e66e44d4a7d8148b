// The tray's policy: fleet state in, what the tray shows out (image, tooltip, menu). Pure and plain Node;
// the Electron adapter only renders the TrayView it returns, on every change.
//
// Which image wins, worst news first:
//   signed-out  signed out, or the token was rejected: nothing below can be trusted to be current
//   stale       no data yet, the list comes from the cache, or the last refresh failed: the counts may be
//               wrong, so the icon must not claim "all OK" or "problem" as if it were live
//   problem     any charger offline or in fault
//   attention   any charger needing attention or never connected
//   paused      notifications are paused and nothing above applies
//   ok
// Paused only shows when the fleet is otherwise OK, so a pause never hides a problem; whenever notifications
// are paused the tooltip and the menu say so (and until when), whatever the image.
import type { AuthStatus, FleetStatus } from '@shared/app-schemas'
import { BUCKET_LABELS, BUCKETS, bucketOf, chargerLabel, type Bucket, type BucketCounts } from '@shared/fleet-health'
import type { Charger } from '@shared/plugchoice-schemas'
import { clockFormat, clockTime, parseTime, shortDuration, type ClockFormat } from './clock-format'
import type { TrayImage, TrayMenuItem, TrayView } from './tray-view'

export interface TrayState {
  auth: AuthStatus
  fleet: FleetStatus
  counts: BucketCounts
  /** The chargers to list in the menu, worst first (see pickProblems). */
  problems: Charger[]
  notificationsPausedUntil: string | null
  now: number
}

export const APP_NAME = 'Plugchoice Fleet'
export const TRAY_PROBLEM_LIMIT = 5
/** Windows cuts a tray tooltip at 127 characters (NOTIFYICONDATA.szTip holds 128 with the terminator). */
export const TOOLTIP_MAX = 127

/** The buckets that put a charger in the tray's problem list, worst first (BUCKETS' order). */
const PROBLEM_BUCKETS: ReadonlySet<Bucket> = new Set(['offline', 'never_connected', 'fault', 'attention'])
const LABEL_MAX = 48

/**
 * The chargers worth a place in the tray menu: offline, never connected, fault, attention, worst bucket
 * first; within a bucket the longest offline first (unknown disconnection times after known ones), then by
 * name so the menu does not reshuffle between polls.
 */
export function pickProblems(chargers: readonly Charger[], limit = TRAY_PROBLEM_LIMIT): Charger[] {
  const ranked = chargers
    .map((charger) => ({ charger, bucket: bucketOf(charger) }))
    .filter((entry) => PROBLEM_BUCKETS.has(entry.bucket))
    .map((entry) => ({
      ...entry,
      rank: BUCKETS.indexOf(entry.bucket),
      since: parseTime(entry.charger.last_disconnection_at) ?? Number.POSITIVE_INFINITY,
      label: chargerLabel(entry.charger),
    }))
  ranked.sort(
    (a, b) =>
      a.rank - b.rank ||
      (a.bucket === 'offline' && a.since !== b.since ? (a.since < b.since ? -1 : 1) : 0) ||
      a.label.localeCompare(b.label) ||
      a.charger.uuid.localeCompare(b.charger.uuid),
  )
  return ranked.slice(0, Math.max(0, limit)).map((entry) => entry.charger)
}

export function trayView(state: TrayState, format: ClockFormat = defaultFormat()): TrayView {
  const summary = summaryParts(state, format)
  const paused = pausedUntil(state)
  const pausedLine = paused === null ? null : `notifications paused until ${clockTime(format, paused, state.now)}`
  const name = state.auth.state === 'demo' ? `${APP_NAME} (demo)` : APP_NAME
  return {
    image: trayImage(state, paused !== null),
    tooltip: fitTooltip(name, summary, pausedLine),
    menu: trayMenu(state, summary, paused, format),
  }
}

function trayImage(state: TrayState, paused: boolean): TrayImage {
  if (isSignedOut(state.auth)) return 'signed-out'
  if (hasNoCurrentData(state.fleet)) return 'stale'
  const { counts } = state
  if (counts.offline > 0 || counts.fault > 0) return 'problem'
  if (counts.attention > 0 || counts.never_connected > 0) return 'attention'
  return paused ? 'paused' : 'ok'
}

function isSignedOut(auth: AuthStatus): boolean {
  return auth.state === 'signed-out' || auth.state === 'token-rejected'
}

function hasNoCurrentData(fleet: FleetStatus): boolean {
  return fleet.source === 'none' || fleet.stale || fleet.sync.lastError !== null
}

/** The summary in parts, so the tooltip can give up the least useful ones when space is short. */
interface Summary {
  /** "42 chargers", "2 offline", "1 fault": never dropped. */
  counts: string[]
  /** "1 never connected", "3 need attention": the first to go. */
  mildCounts: string[]
  /** Freshness ("updated 14:05", "cached from 14:05 — Plugchoice unreachable") or the whole state. */
  tail: string
}

function summaryParts(state: TrayState, format: ClockFormat): Summary {
  const { auth, fleet, counts } = state
  const only = (tail: string): Summary => ({ counts: [], mildCounts: [], tail })
  if (auth.state === 'signed-out') return only('signed out')
  if (auth.state === 'token-rejected') return only('signed out: token rejected')
  if (fleet.source === 'none') {
    if (fleet.sync.state === 'syncing') return only('reading your chargers…')
    const error = fleet.sync.lastError
    return only(error ? `no data yet — ${failureWords(error.code)}` : 'no data yet')
  }
  const parts: Omit<Summary, 'tail'> = { counts: [plural(fleet.total, 'charger', 'chargers')], mildCounts: [] }
  if (counts.offline > 0) parts.counts.push(`${number(counts.offline)} offline`)
  if (counts.fault > 0) parts.counts.push(plural(counts.fault, 'fault', 'faults'))
  if (counts.never_connected > 0) parts.mildCounts.push(`${number(counts.never_connected)} never connected`)
  if (counts.attention > 0) parts.mildCounts.push(plural(counts.attention, 'needs attention', 'need attention'))
  const fetchedAt = parseTime(fleet.fetchedAt)
  const when = fetchedAt === null ? null : clockTime(format, fetchedAt, state.now)
  if (!hasNoCurrentData(fleet)) return { ...parts, tail: when ? `updated ${when}` : 'updated' }
  const cached = when ? `cached from ${when}` : 'cached'
  const error = fleet.sync.lastError
  if (error) return { ...parts, tail: `${cached} — ${failureWords(error.code)}` }
  return { ...parts, tail: fleet.sync.state === 'syncing' ? `${cached} — refreshing…` : cached }
}

/** A refresh failure in a few words (the list's freshness line has the full sentence). */
function failureWords(code: string): string {
  switch (code) {
    case 'unreachable':
      return 'Plugchoice unreachable'
    case 'timeout':
      return 'Plugchoice not responding'
    case 'server-error':
      return 'Plugchoice server error'
    case 'rate-limited':
      return 'rate limited by Plugchoice'
    case 'forbidden':
      return 'access refused by Plugchoice'
    case 'invalid-response':
    case 'foreign-link':
      return 'unexpected answer from Plugchoice'
    default:
      return 'refresh failed'
  }
}

function summaryText(summary: Summary): string {
  return [...summary.counts, ...summary.mildCounts, summary.tail].join(' · ')
}

/**
 * Keeps the tooltip within Windows' limit, giving up the least useful words first: the attention and
 * never-connected counts, then the words of a pause; offline and fault counts stay. Only then is it cut.
 */
function fitTooltip(name: string, summary: Summary, pausedUntilText: string | null): string {
  const terse = { ...summary, mildCounts: [] }
  const candidates: Array<[Summary, string | null]> = [
    [summary, pausedUntilText],
    [terse, pausedUntilText],
    [terse, pausedUntilText === null ? null : 'notifications paused'],
    [terse, pausedUntilText === null ? null : 'alerts paused'],
  ]
  let tooltip = ''
  for (const [parts, paused] of candidates) {
    tooltip = `${name} — ${summaryText(parts)}${paused ? ` · ${paused}` : ''}`
    if (tooltip.length <= TOOLTIP_MAX) return tooltip
  }
  return `${tooltip.slice(0, TOOLTIP_MAX - 1)}…`
}

function trayMenu(state: TrayState, summary: Summary, paused: number | null, format: ClockFormat): TrayMenuItem[] {
  const menu: TrayMenuItem[] = [info(capitalize(summaryText(summary)))]
  const { auth } = state
  if (!isSignedOut(auth) && auth.state !== 'demo' && !auth.tokenSaved && !auth.keychain.available) {
    const reason = auth.keychain.reason ? ` (${auth.keychain.reason})` : ''
    menu.push(info(`Token not saved: the system keychain is unavailable${reason}`))
  }

  const problems = state.problems.slice(0, TRAY_PROBLEM_LIMIT)
  if (!isSignedOut(auth) && problems.length > 0) {
    menu.push({ kind: 'separator' })
    for (const charger of problems) {
      menu.push({
        kind: 'item',
        label: problemLabel(charger, state.now),
        enabled: true,
        action: { type: 'show-charger', uuid: charger.uuid },
      })
    }
    const { counts } = state
    const more = counts.offline + counts.never_connected + counts.fault + counts.attention - problems.length
    if (more > 0) {
      menu.push({ kind: 'item', label: `…and ${number(more)} more`, enabled: true, action: { type: 'open-window' } })
    }
  }

  menu.push({ kind: 'separator' })
  const syncing = state.fleet.sync.state === 'syncing'
  menu.push({
    kind: 'item',
    label: syncing ? 'Refreshing…' : 'Refresh now',
    enabled: !isSignedOut(auth) && !syncing,
    action: { type: 'refresh' },
  })
  menu.push(pauseSubmenu(paused, state.now, format))
  menu.push({ kind: 'separator' })
  menu.push({ kind: 'item', label: `Open ${APP_NAME}`, enabled: true, action: { type: 'open-window' } })
  menu.push({ kind: 'item', label: 'Quit', enabled: true, action: { type: 'quit' } })
  return menu
}

function pauseSubmenu(paused: number | null, now: number, format: ClockFormat): TrayMenuItem {
  const items: TrayMenuItem[] = [
    { kind: 'item', label: 'For 1 hour', enabled: true, action: { type: 'pause-notifications', until: 'hour' } },
    { kind: 'item', label: 'For 4 hours', enabled: true, action: { type: 'pause-notifications', until: 'four-hours' } },
    {
      kind: 'item',
      label: 'Until tomorrow',
      enabled: true,
      action: { type: 'pause-notifications', until: 'tomorrow' },
    },
  ]
  if (paused === null) return { kind: 'submenu', label: 'Pause notifications', items }
  return {
    kind: 'submenu',
    label: `Notifications paused until ${clockTime(format, paused, now)}`,
    items: [
      { kind: 'item', label: 'Resume notifications', enabled: true, action: { type: 'resume-notifications' } },
      { kind: 'separator' },
      ...items,
    ],
  }
}

/** "Garage (EVB-1) — Offline for 3 h", "EVB-2 — Fault: GroundFailure". */
function problemLabel(charger: Charger, now: number): string {
  const bucket = bucketOf(charger)
  let state = BUCKET_LABELS[bucket]
  if (bucket === 'offline') {
    const since = parseTime(charger.last_disconnection_at)
    if (since !== null && since <= now) state += ` for ${shortDuration(now - since)}`
  } else if (bucket === 'fault' && charger.error && charger.error !== 'NoError') {
    state += `: ${charger.error}`
  }
  return `${truncate(chargerLabel(charger), LABEL_MAX)} — ${state}`
}

function pausedUntil(state: TrayState): number | null {
  const until = parseTime(state.notificationsPausedUntil)
  return until !== null && until > state.now ? until : null
}

function info(label: string): TrayMenuItem {
  return { kind: 'item', label, enabled: false, action: null }
}

function number(n: number): string {
  return n.toLocaleString('en-US')
}

function plural(n: number, one: string, many: string): string {
  return `${number(n)} ${n === 1 ? one : many}`
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

let systemFormat: ClockFormat | null = null
function defaultFormat(): ClockFormat {
  systemFormat ??= clockFormat()
  return systemFormat
}
