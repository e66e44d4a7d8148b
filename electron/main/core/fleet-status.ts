// The one FleetStatus the window and the tray are told: where the fleet on screen came from, how its sync
// stands and when polling comes next.
import { idleSyncStatus, type FleetStatus, type PollStatus, type SyncStatus } from '@shared/app-schemas'
import { isCachedList } from '@shared/freshness'
import { describeInterval } from '../sync/poll-scheduler'
import type { FleetOrigin } from './fleet-model'

export interface FleetStatusFacts {
  origin: FleetOrigin
  revision: number
  total: number
  /** The sync session's, or null when there is none (signed out). */
  sync: SyncStatus | null
  poll: PollStatus | null
  intervalMs: number
  notice: string | null
  /** Chargers kept although the last complete sync did not see them (removal-grace.ts). */
  notSeen: string[]
}

export function fleetStatusOf(facts: FleetStatusFacts): FleetStatus {
  const { origin, intervalMs } = facts
  const sync = facts.sync ?? idleSyncStatus()
  return {
    source: origin.source,
    accountUuid: origin.accountUuid,
    fetchedAt: origin.fetchedAt,
    revision: facts.revision,
    total: facts.total,
    stale: isCachedList(origin.source, sync.lastError),
    sync,
    poll: facts.poll ?? {
      intervalMs,
      effectiveIntervalMs: intervalMs,
      description: describeInterval(intervalMs, intervalMs, null),
      running: false,
    },
    notice: facts.notice,
    notSeen: facts.notSeen,
  }
}
