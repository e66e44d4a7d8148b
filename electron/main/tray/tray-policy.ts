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
import { compareByHealth } from '@shared/fleet-order'
import type { AuthStatus, FleetStatus } from '@shared/app-schemas'
import type { FleetCharger } from '@shared/charger-facts'
import { BUCKET_LABELS, chargerLabel, type Bucket, type BucketCounts } from '@shared/fleet-health'
import { formatDuration, parseTime, systemFormat, type Format } from '@shared/format'
import { failureHeadline, freshnessOf, isCurrent, type Freshness } from '@shared/freshness'
import { PAUSE_CHOICES, PRODUCT_NAME } from '@shared/constants'
import type { TrayImage, TrayMenuItem, TrayView } from './tray-view'

export interface TrayState {
  auth: AuthStatus
  fleet: FleetStatus
  counts: BucketCounts
  /** The chargers to list in the menu, worst first (see pickProblems). */
  problems: FleetCharger[]
  notificationsPausedUntil: string | null
  now: number
  /** "Since you last looked: 3 went offline, 2 came back" (history-words.ts), or null when nothing is new. */
  sinceLastLooked?: string | null
}

export const TRAY_PROBLEM_LIMIT = 5
/** Windows cuts a tray tooltip at 127 characters (NOTIFYICONDATA.szTip holds 128 with the terminator). */
export const TOOLTIP_MAX = 127

/** The buckets that put a charger in the tray's problem list, worst first (BUCKETS' order). */
const PROBLEM_BUCKETS: ReadonlySet<Bucket> = new Set(['offline', 'never_connected', 'fault', 'attention'])
const LABEL_MAX = 48

/**
 * The chargers worth a place in the tray menu: offline, never connected, fault, attention, in the order of the
 * list sorted by health (shared/fleet-order.ts): worst bucket first, the newest outage or fault first within it,
 * then by identity, so the menu names the rows at the top of the window and does not reshuffle between polls.
 */
export function pickProblems(chargers: readonly FleetCharger[], limit = TRAY_PROBLEM_LIMIT): FleetCharger[] {
  return chargers
    .filter((charger) => PROBLEM_BUCKETS.has(charger.facts.bucket))
    .sort(compareByHealth)
    .slice(0, Math.max(0, limit))
}

export function trayView(state: TrayState, format: Format = systemFormat()): TrayView {
  const freshness = freshnessOf(state.fleet, state.auth)
  const summary = summaryParts(state, freshness, format)
  const paused = pausedUntil(state)
  const pausedLine = paused === null ? null : `notifications paused until ${format.clock(paused, state.now)}`
  const name = state.auth.state === 'demo' ? `${PRODUCT_NAME} (demo)` : PRODUCT_NAME
  return {
    image: trayImage(state, freshness, paused !== null),
    tooltip: fitTooltip(name, summary, pausedLine),
    menu: trayMenu(state, freshness, summary, paused, format),
  }
}

function trayImage(state: TrayState, freshness: Freshness, paused: boolean): TrayImage {
  if (isSignedOut(state.auth)) return 'signed-out'
  if (!isCurrent(freshness)) return 'stale'
  const { counts } = state
  if (counts.offline > 0 || counts.fault > 0) return 'problem'
  if (counts.attention > 0 || counts.never_connected > 0) return 'attention'
  return paused ? 'paused' : 'ok'
}

function isSignedOut(auth: AuthStatus): boolean {
  return auth.state === 'signed-out' || auth.state === 'token-rejected'
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

function summaryParts(state: TrayState, freshness: Freshness, format: Format): Summary {
  const { auth, fleet, counts } = state
  const only = (tail: string): Summary => ({ counts: [], mildCounts: [], tail })
  if (auth.state === 'signed-out') return only('signed out')
  if (freshness.state === 'token-rejected') return only('signed out: token rejected')
  if (freshness.state === 'never-synced') {
    const soFar = freshness.chargersSoFar > 0 ? ` (${format.count(freshness.chargersSoFar, 'charger')} so far)` : ''
    if (freshness.syncing) return only(`still loading your chargers…${soFar}`)
    const { error } = freshness
    const loaded = soFar ? `not fully loaded${soFar}` : 'no data yet'
    return only(error ? `${loaded} — ${failureHeadline(error.code)}` : loaded)
  }
  const parts: Omit<Summary, 'tail'> = { counts: [format.count(fleet.total, 'charger')], mildCounts: [] }
  if (counts.offline > 0) parts.counts.push(`${format.number(counts.offline)} offline`)
  if (counts.fault > 0) parts.counts.push(format.count(counts.fault, 'fault'))
  if (counts.never_connected > 0) parts.mildCounts.push(`${format.number(counts.never_connected)} never connected`)
  if (counts.attention > 0) parts.mildCounts.push(format.count(counts.attention, 'needs attention', 'need attention'))
  const when = format.clock(freshness.fetchedAt, state.now)
  if (isCurrent(freshness)) return { ...parts, tail: `updated ${when}` }
  const cached = `cached from ${when}`
  const error = freshness.state === 'live' ? null : freshness.error
  if (error) return { ...parts, tail: `${cached} — ${failureHeadline(error.code)}` }
  return { ...parts, tail: freshness.state === 'syncing' ? `${cached} — refreshing…` : cached }
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

function trayMenu(
  state: TrayState,
  freshness: Freshness,
  summary: Summary,
  paused: number | null,
  format: Format,
): TrayMenuItem[] {
  const menu: TrayMenuItem[] = [info(capitalize(summaryText(summary)))]
  // What happened while the window was away; a click brings the window (its Activity button has the count).
  if (state.sinceLastLooked) {
    menu.push({ kind: 'item', label: state.sinceLastLooked, enabled: true, action: { type: 'open-window' } })
  }
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
      menu.push({
        kind: 'item',
        label: `…and ${format.number(more)} more`,
        enabled: true,
        action: { type: 'open-window' },
      })
    }
  }

  menu.push({ kind: 'separator' })
  const syncing = state.fleet.sync.state === 'syncing'
  const refreshAt = freshness.state === 'live' || freshness.state === 'cached' ? freshness.refreshAt : null
  menu.push({
    kind: 'item',
    label: syncing
      ? 'Refreshing…'
      : refreshAt !== null
        ? `Refreshing at ${format.clock(refreshAt, state.now)}`
        : 'Refresh now',
    enabled: !isSignedOut(auth) && !syncing && refreshAt === null,
    action: { type: 'refresh' },
  })
  menu.push(pauseSubmenu(paused, state.now, format))
  menu.push({ kind: 'separator' })
  menu.push({ kind: 'item', label: `Open ${PRODUCT_NAME}`, enabled: true, action: { type: 'open-window' } })
  menu.push({ kind: 'item', label: 'Quit', enabled: true, action: { type: 'quit' } })
  return menu
}

function pauseSubmenu(paused: number | null, now: number, format: Format): TrayMenuItem {
  const items: TrayMenuItem[] = PAUSE_CHOICES.map((choice) => ({
    kind: 'item',
    label: choice.label,
    enabled: true,
    action: { type: 'pause-notifications', until: choice.id },
  }))
  if (paused === null) return { kind: 'submenu', label: 'Pause notifications', items }
  return {
    kind: 'submenu',
    label: `Notifications paused until ${format.clock(paused, now)}`,
    items: [
      { kind: 'item', label: 'Resume notifications', enabled: true, action: { type: 'resume-notifications' } },
      { kind: 'separator' },
      ...items,
    ],
  }
}

/** "Garage (EVB-1) — Offline for 3 h", "EVB-2 — Fault: GroundFailure", "EVB-3 — Attention: Blocked". */
function problemLabel(charger: FleetCharger, now: number): string {
  const { bucket, reason } = charger.facts
  let state = BUCKET_LABELS[bucket]
  if (bucket === 'offline') {
    // The menu is re-read at a glance: how long counts more there than the clock time of the reason.
    const since = parseTime(charger.facts.since)
    if (since !== null && since <= now) state += ` for ${formatDuration(now - since)}`
  } else if (reason && reason !== state) {
    state += `: ${reason}`
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

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}
