// A connector's own health, in the fleet's buckets: the charger's connection with the connector's status and
// error. A charger "Available" at connector 0 can have a faulted socket 2, and only this says so. The charger's
// facts (charger-facts.ts) take the worse connector in once main has read the connectors.
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

export interface WorseConnector {
  connectorId: number
  bucket: Bucket
}

/** The worst connector, when it is in a worse state than the charger reports for itself; else null. */
export function worseConnector(charger: Charger, connectors: readonly Connector[]): WorseConnector | null {
  let worst: WorseConnector | null = null
  let rank = BUCKETS.indexOf(bucketOf(charger))
  for (const connector of connectors) {
    const bucket = connectorBucket(charger, connector)
    if (BUCKETS.indexOf(bucket) < rank) {
      worst = { connectorId: connector.connector_id, bucket }
      rank = BUCKETS.indexOf(bucket)
    }
  }
  return worst
}
