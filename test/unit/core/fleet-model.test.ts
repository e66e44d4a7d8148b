import { describe, expect, it } from 'vitest'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FleetModel } from '@main/core/fleet-model'
import { SnapshotStore } from '@main/storage/snapshot-store'
import { ConnectorSchema } from '@shared/charger-detail-schemas'
import { createFormat } from '@shared/format'
import { ChargerSchema, type Charger } from '@shared/plugchoice-schemas'

const charger = (uuid: string, fields: Partial<Charger> = {}) =>
  ChargerSchema.parse({
    uuid,
    identity: uuid.toUpperCase(),
    connection_status: 'online',
    status: 'Available',
    ...fields,
  })
const live = { source: 'live' as const, accountUuid: 'acc', fetchedAt: '2026-11-24T10:00:00Z' }

describe('FleetModel', () => {
  it('sends only the chargers that changed, with the removed uuids', () => {
    const model = new FleetModel()
    const first = model.replace([charger('a'), charger('b'), charger('c')], live)
    expect(first).toMatchObject({ fromRevision: 0, toRevision: 1, removed: [] })
    expect(first?.upserted.map((c) => c.uuid)).toEqual(['a', 'b', 'c'])

    const second = model.replace([charger('a'), charger('b', { status: 'Charging' }), charger('d')], live)
    expect(second).toMatchObject({ fromRevision: 1, toRevision: 2, removed: ['c'] })
    expect(second?.upserted.map((c) => c.uuid)).toEqual(['b', 'd'])
    expect(model.get('b')?.status).toBe('Charging')
    expect(model.list().map((c) => c.uuid)).toEqual(['a', 'b', 'd'])
  })

  it('keeps the revision when a sync changed nothing', () => {
    const model = new FleetModel()
    model.replace([charger('a')], live)
    expect(model.replace([charger('a')], { ...live, fetchedAt: '2026-11-24T10:01:00Z' })).toBeNull()
    expect(model.revision).toBe(1)
    expect(model.origin.fetchedAt).toBe('2026-11-24T10:01:00Z')
  })

  it('clears to an empty fleet of nobody', () => {
    const model = new FleetModel()
    model.replace([charger('a')], live)
    expect(model.clear()?.removed).toEqual(['a'])
    expect(model.origin).toEqual({ source: 'none', accountUuid: null, fetchedAt: null })
  })
})

describe('FleetModel: the facts of each charger', () => {
  const T0 = Date.parse('2026-11-24T10:00:00Z')
  const utc = createFormat({ locale: 'en-GB', timeZone: 'UTC' })

  it('derives them once per replace and sends them with the chargers that changed', () => {
    let now = T0
    const model = new FleetModel({ now: () => now, format: utc })
    const first = model.replace([charger('a'), charger('b', { blocked: true })], live)
    expect(first?.upserted.map((c) => c.facts)).toEqual([
      { bucket: 'ok', reason: null, since: null },
      { bucket: 'attention', reason: 'Blocked', since: null },
    ])
    now = T0 + 60_000
    const second = model.replace([charger('a', { status: 'Unavailable' }), charger('b', { blocked: true })], live)
    // b did not change: its facts did not either, so it does not travel again.
    expect(second?.upserted.map((c) => [c.uuid, c.facts])).toEqual([
      ['a', { bucket: 'attention', reason: 'Unavailable', since: '2026-11-24T10:01:00.000Z' }],
    ])
    expect(model.get('b')?.facts.reason).toBe('Blocked')
  })

  it('keeps "since when" across a restart through the offline cache, a real file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'plugfleet-facts-'))
    try {
      let now = T0
      const before = new FleetModel({ now: () => now, format: utc })
      before.replace([charger('a')], live)
      now = T0 + 5 * 60_000
      before.replace([charger('a', { setup_completed: false })], live)
      const store = new SnapshotStore(dir)
      await store.save({
        schemaVersion: 1,
        accountUuid: 'acc',
        fetchedAt: live.fetchedAt,
        chargers: [...before.list()],
      })

      const loaded = await store.load('acc')
      if (loaded.kind !== 'loaded') throw new Error(`cache not loaded: ${loaded.kind}`)
      now = T0 + 60 * 60_000
      const after = new FleetModel({ now: () => now, format: utc })
      after.replace(loaded.snapshot.chargers, { ...live, source: 'cache' })
      after.replace([charger('a', { setup_completed: false })], live)
      expect(after.get('a')?.facts).toEqual({
        bucket: 'attention',
        reason: 'Setup not completed',
        since: '2026-11-24T10:05:00.000Z',
      })
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('FleetModel and the connectors read in the detail', () => {
  const sockets = [
    ConnectorSchema.parse({ connector_id: 1, status: 'Available', error: 'NoError' }),
    ConnectorSchema.parse({ connector_id: 2, status: 'Faulted', error: 'GroundFailure' }),
  ]

  it('flags the charger at once, keeps it flagged at the next sync, and forgets the sockets on a reconnect', () => {
    const model = new FleetModel()
    model.replace([charger('a'), charger('b')], live)
    const delta = model.connectorsRead('b', 'online', sockets)
    expect(delta?.upserted.map((c) => [c.uuid, c.facts.bucket, c.facts.reason])).toEqual([
      ['b', 'fault', 'Connector 2: Faulted · GroundFailure'],
    ])
    expect(model.connectorsRead('b', 'online', sockets)).toBeNull()

    model.replace([charger('a'), charger('b')], live)
    expect(model.get('b')?.facts.bucket).toBe('fault')
    model.replace([charger('a'), charger('b', { connection_status: 'offline' })], live)
    model.replace([charger('a'), charger('b')], live)
    expect(model.get('b')?.facts.bucket).toBe('ok')
  })
})
