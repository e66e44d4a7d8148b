// When the notification policy's delayed notifications fall due ("went offline" waits for the delay setting):
// one timer for the earliest, re-armed after each sync and each firing. The policy decides what; this only times.
import type { FleetCharger } from '@shared/charger-facts'
import type { Transition } from '@shared/fleet-health'
import type { Clock } from '../sync/clock'
import type { NotificationPolicy, NotificationSettings, NotificationSpec } from './notification-policy'

export interface NotificationTimerDeps {
  policy: NotificationPolicy
  clock: Clock
  fleet: () => readonly FleetCharger[]
  settings: () => NotificationSettings
  show: (spec: NotificationSpec) => void
}

export class NotificationTimer {
  #timer: unknown = null

  constructor(private readonly deps: NotificationTimerDeps) {}

  /** A sync landed: what its transitions notify now, and a timer for what they notify later. */
  onSync(transitions: Transition[]): void {
    const { policy, clock, fleet, settings, show } = this.deps
    for (const spec of policy.onSync(transitions, fleet(), settings(), clock.now())) show(spec)
    this.#arm()
  }

  /** Another account (or none): nothing pending of the old one may still fire. */
  reset(): void {
    this.deps.policy.reset()
    this.cancel()
  }

  cancel(): void {
    if (this.#timer !== null) this.deps.clock.clearTimeout(this.#timer)
    this.#timer = null
  }

  #arm(): void {
    this.cancel()
    const { policy, clock, fleet, settings, show } = this.deps
    const due = policy.nextDueAt()
    if (due === null) return
    this.#timer = clock.setTimeout(
      () => {
        this.#timer = null
        for (const spec of policy.due(clock.now(), fleet(), settings())) show(spec)
        this.#arm()
      },
      Math.max(0, due - clock.now()),
    )
  }
}
