// Notifications use the history against false alarms: a charger that went offline N times within the
// window gets one "flapping" notification, not N; while it keeps flapping its own offline/back notifications
// are held back (the app drops them before NotificationPolicy.onSync). Several at once become one digest
// that names the first chargers and the count. Pure but for the set of chargers already told about.
import type { Settings } from '@shared/app-schemas'
import type { Flapping } from '@shared/history-schemas'
import type { Transition } from '@shared/fleet-health'
import type { NotificationSpec } from '../notifications/notification-policy'

const NAMED = 3

export type FlappingSettings = Pick<Settings, 'flappingCount' | 'flappingWindowMin' | 'mutedChargers'>

export class FlappingNotices {
  private readonly told = new Set<string>()

  /**
   * @param flapping what FleetHistory.flapping(window, count) answers after the sync was recorded
   * @returns the notifications to show and the chargers whose own transitions must not notify
   */
  update(flapping: readonly Flapping[], settings: FlappingSettings): { specs: NotificationSpec[]; hold: Set<string> } {
    const muted = new Set(settings.mutedChargers)
    const now = new Set(flapping.map((f) => f.uuid))
    for (const uuid of this.told) if (!now.has(uuid)) this.told.delete(uuid)
    const fresh = flapping.filter((f) => !this.told.has(f.uuid) && !muted.has(f.uuid))
    for (const f of fresh) this.told.add(f.uuid)
    const window = `${settings.flappingWindowMin} min`
    let specs: NotificationSpec[] = []
    if (fresh.length === 1) {
      const [only] = fresh as [Flapping]
      specs = [
        {
          title: `${only.label} is flapping`,
          body: `It went offline ${only.wentOffline} times in the last ${window}.`,
          chargerUuid: only.uuid,
          silent: false,
        },
      ]
    } else if (fresh.length > 1) {
      const names = fresh.slice(0, NAMED).map((f) => f.label)
      const more = fresh.length - names.length
      specs = [
        {
          title: `${fresh.length} chargers are flapping`,
          body: `${names.join(', ')}${more > 0 ? ` and ${more} more` : ''} went offline ${settings.flappingCount} times or more in the last ${window}.`,
          chargerUuid: null,
          silent: false,
        },
      ]
    }
    return { specs, hold: now }
  }

  /** The sync's transitions without the offline/back ones of flapping chargers. */
  static withoutHeld(transitions: readonly Transition[], hold: ReadonlySet<string>): Transition[] {
    return transitions.filter((t) => !(hold.has(t.uuid) && (t.kind === 'went_offline' || t.kind === 'came_back')))
  }

  reset(): void {
    this.told.clear()
  }
}
