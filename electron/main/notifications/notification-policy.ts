// Which desktop notifications a sync deserves. Pure and plain Node: the caller passes the time in, shows the
// specs it gets back through the Electron adapter, and sets a timer for nextDueAt().
//
// Rules (issue "Notifications"):
// - Only transitions notify (went offline, new fault, back online, fault cleared), never a poll as such;
//   chargers added to or removed from the account do not.
// - "Went offline" waits until the charger has been offline for the delay setting (counted from its
//   last_disconnection_at when Plugchoice gives one). One that comes back within the delay produces nothing.
// - More than three at once become one digest ("5 chargers went offline" / "A, B, C and 2 more").
// - Muted chargers never notify. While paused nothing notifies, and what happened during the pause is
//   dropped, not queued, so the end of a pause does not bring a flood.
import type { Settings } from '@shared/app-schemas'
import type { FleetCharger } from '@shared/charger-facts'
import { BUCKET_LABELS, type Transition, type TransitionKind } from '@shared/fleet-health'
import { formatDuration, parseTime, systemFormat, type Format } from '@shared/format'

export interface NotificationSpec {
  title: string
  body: string
  /** The charger to show when the notification is clicked; null opens the list (digests). */
  chargerUuid: string | null
  /** Good news is silent; only trouble makes a sound. */
  silent: boolean
}

export type NotificationSettings = Pick<
  Settings,
  'offlineNotifyDelayMin' | 'notificationsPausedUntil' | 'mutedChargers'
>

/** More notifications than this at once become one digest. */
export const DIGEST_THRESHOLD = 3
const DIGEST_NAMES = 3

type NotifiedKind = Exclude<TransitionKind, 'added' | 'removed'>

interface Event {
  kind: NotifiedKind
  uuid: string
  label: string
  spec: NotificationSpec
}

interface PendingOffline {
  label: string
  /** When it went offline (epoch ms). */
  since: number
  dueAt: number
}

export interface NotificationPolicyOptions {
  format?: Format
}

export class NotificationPolicy {
  private readonly format: Format
  /** Chargers that went offline and have not yet been offline for the delay, by uuid. */
  private readonly pending = new Map<string, PendingOffline>()

  constructor(options: NotificationPolicyOptions = {}) {
    this.format = options.format ?? systemFormat()
  }

  /** The notifications a completed sync calls for now (including offline ones that have come due). */
  onSync(
    transitions: readonly Transition[],
    fleet: readonly FleetCharger[],
    settings: NotificationSettings,
    now: number,
  ): NotificationSpec[] {
    const delayMs = settings.offlineNotifyDelayMin * 60_000
    const events: Event[] = []
    for (const transition of transitions) {
      if (transition.kind === 'added') continue
      const wasPending = this.pending.delete(transition.uuid)
      switch (transition.kind) {
        case 'went_offline': {
          const reported = parseTime(transition.charger.facts.since)
          const since = reported !== null && reported <= now ? reported : now
          this.pending.set(transition.uuid, { label: transition.label, since, dueAt: since + delayMs })
          break
        }
        case 'came_back':
          // Back within the delay: the user never heard it was gone, so there is nothing to tell.
          if (!wasPending) events.push(this.cameBack(transition, now))
          break
        case 'new_fault':
          events.push(this.newFault(transition))
          break
        case 'fault_cleared':
          events.push(this.faultCleared(transition))
          break
        case 'removed':
          break
      }
    }
    return this.emit([...events, ...this.takeDue(now, fleet)], settings, now)
  }

  /** When the next pending "went offline" comes due, or null when none is pending. */
  nextDueAt(): number | null {
    let next: number | null = null
    for (const { dueAt } of this.pending.values()) if (next === null || dueAt < next) next = dueAt
    return next
  }

  /** The "went offline" notifications due by `now`, for chargers still offline in `fleet`. */
  due(now: number, fleet: readonly FleetCharger[], settings: NotificationSettings): NotificationSpec[] {
    return this.emit(this.takeDue(now, fleet), settings, now)
  }

  /** Forgets pending notifications (sign-out, another account). */
  reset(): void {
    this.pending.clear()
  }

  private takeDue(now: number, fleet: readonly FleetCharger[]): Event[] {
    const due = [...this.pending].filter(([, entry]) => entry.dueAt <= now)
    if (due.length === 0) return []
    const current = new Map(fleet.map((charger) => [charger.uuid, charger]))
    const events: Event[] = []
    for (const [uuid, entry] of due) {
      this.pending.delete(uuid)
      const charger = current.get(uuid)
      // Gone from the account, or no longer offline without a transition saying so: nothing to report.
      if (!charger || charger.facts.bucket !== 'offline') continue
      const since = this.format.clock(entry.since, now)
      events.push({
        kind: 'went_offline',
        uuid,
        label: entry.label,
        spec: {
          title: `${entry.label} is offline`,
          body: `Offline since ${since} (${formatDuration(now - entry.since)}).`,
          chargerUuid: uuid,
          silent: false,
        },
      })
    }
    return events
  }

  private emit(events: Event[], settings: NotificationSettings, now: number): NotificationSpec[] {
    if (isPaused(settings, now)) return []
    const muted = new Set(settings.mutedChargers)
    const shown = events.filter((event) => !muted.has(event.uuid))
    if (shown.length <= DIGEST_THRESHOLD) return shown.map((event) => event.spec)
    return [digest(shown)]
  }

  private cameBack(transition: Transition, now: number): Event {
    const first = transition.from === 'never_connected'
    return {
      kind: 'came_back',
      uuid: transition.uuid,
      label: transition.label,
      spec: {
        title: first ? `${transition.label} connected for the first time` : `${transition.label} is back online`,
        body: `Connected at ${this.format.time(now)}; now ${BUCKET_LABELS[transition.to ?? 'unknown']}.`,
        chargerUuid: transition.uuid,
        silent: true,
      },
    }
  }

  private newFault(transition: Transition): Event {
    const { charger } = transition
    // The reason as the list shows it, then the charger's own words, which a notification has room for.
    const details = [charger.facts.reason, charger.error_info || null].filter((part): part is string => Boolean(part))
    return {
      kind: 'new_fault',
      uuid: transition.uuid,
      label: transition.label,
      spec: {
        title: `${transition.label} has a fault`,
        body: details.length > 0 ? details.join(' · ') : 'Fault reported by the charger.',
        chargerUuid: transition.uuid,
        silent: false,
      },
    }
  }

  private faultCleared(transition: Transition): Event {
    return {
      kind: 'fault_cleared',
      uuid: transition.uuid,
      label: transition.label,
      spec: {
        title: `${transition.label}: fault cleared`,
        body: `Now ${BUCKET_LABELS[transition.to ?? 'unknown']}.`,
        chargerUuid: transition.uuid,
        silent: true,
      },
    }
  }
}

function isPaused(settings: NotificationSettings, now: number): boolean {
  const until = parseTime(settings.notificationsPausedUntil)
  return until !== null && until > now
}

const DIGEST_VERBS: Record<NotifiedKind, string> = {
  went_offline: 'went offline',
  new_fault: 'reported a fault',
  came_back: 'came back online',
  fault_cleared: 'cleared a fault',
}
const DIGEST_ORDER: readonly NotifiedKind[] = ['went_offline', 'new_fault', 'came_back', 'fault_cleared']

/** "A, B, C and 2 more" */
function names(events: readonly Event[]): string {
  const shown = events.slice(0, DIGEST_NAMES).map((event) => event.label)
  const rest = events.length - shown.length
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ')
}

function chargers(n: number): string {
  return `${n} ${n === 1 ? 'charger' : 'chargers'}`
}

/**
 * One kind: "5 chargers went offline" / "A, B, C and 2 more".
 * Mixed: "7 chargers changed" / one line per kind, trouble first ("4 went offline: A, B, C and 1 more").
 */
function digest(events: readonly Event[]): NotificationSpec {
  const groups = DIGEST_ORDER.map((kind) => ({ kind, events: events.filter((event) => event.kind === kind) })).filter(
    (group) => group.events.length > 0,
  )
  const silent = events.every((event) => event.spec.silent)
  const only = groups.length === 1 ? groups[0] : undefined
  if (only) {
    return {
      title: `${chargers(only.events.length)} ${DIGEST_VERBS[only.kind]}`,
      body: names(only.events),
      chargerUuid: null,
      silent,
    }
  }
  return {
    title: `${chargers(new Set(events.map((event) => event.uuid)).size)} changed`,
    body: groups
      .map((group) => `${group.events.length} ${DIGEST_VERBS[group.kind]}: ${names(group.events)}`)
      .join('\n'),
    chargerUuid: null,
    silent,
  }
}
