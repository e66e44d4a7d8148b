// A connector's own health, in the fleet's buckets: the charger's connection with the connector's status and
// error. A charger "Available" at connector 0 can have a faulted socket 2, and only this says so.
import type { Connector } from './charger-detail-schemas'
import { bucketOf, BUCKETS, type Bucket } from './fleet-health'
import type { Charger } from './plugchoice-schemas'

export function connectorBucket(charger: Charger, connector: Connector): Bucket {
  return bucketOf({
    uuid: charger.uuid,
    connection_status: charger.connection_status ?? null,
    status: connector.status ?? null,
    error: connector.error ?? null,
  })
}

/** The worst connector health, when it is worse than what the charger itself reports; else null. */
export function worseConnector(charger: Charger, connectors: readonly Connector[]): Bucket | null {
  const own = BUCKETS.indexOf(bucketOf(charger))
  let worst: Bucket | null = null
  for (const connector of connectors) {
    const bucket = connectorBucket(charger, connector)
    if (BUCKETS.indexOf(bucket) < own && (worst === null || BUCKETS.indexOf(bucket) < BUCKETS.indexOf(worst)))
      worst = bucket
  }
  return worst
}
