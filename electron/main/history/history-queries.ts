// What the window, the tray and the exports ask of the history. Read-only; times in and out are epoch ms
// (ISO strings where they cross IPC), epoch seconds inside the database.
import { BUCKETS } from '@shared/fleet-health'
import {
  HISTORY_EVENT_KINDS,
  type ActivityPage,
  type ActivityQuery,
  type ChargerHistory,
  type Flapping,
  type FleetSeries,
  type HistoryEvent,
  type HistoryEventKind,
  type SinceLastLooked,
  type Uptime,
} from '@shared/history-schemas'
import type { SqliteDb } from './history-db'
import {
  ACTION_CODE,
  bucketAt,
  decodeCounts,
  firstEventIdAtOrAfter,
  kindAt,
  kindCode,
  type Registry,
  type Words,
} from './history-tables'
import { Coverage, stripOf, timeline, uptimeOf, type TimelineEvent, type UptimeFigures } from './uptime'
import type { DayRollups } from './day-rollups'
import { rolledUptime } from './rolled-uptime'

const HOUR = 3600
const DAY = 24 * HOUR
const iso = (sec: number) => new Date(sec * 1000).toISOString()
const sec = (ms: number) => Math.floor(ms / 1000)

interface EventRecord {
  id: number
  charger: number
  at: number
  eff: number
  kind: number
  from_bucket: number | null
  to_bucket: number | null
  status_before: number | null
  status_after: number | null
  error_before: number | null
  error_after: number | null
  error_info: number | null
  action: number | null
  answer: number | null
}

export interface ChargerUptime extends UptimeFigures {
  uuid: string
  label: string
}

export class HistoryQueries {
  constructor(
    private readonly db: SqliteDb,
    private readonly words: Words,
    private readonly registry: Registry,
  ) {}

  private toEvent(row: EventRecord): HistoryEvent {
    const charger = this.registry.byId.get(row.charger)
    const w = this.words
    return {
      id: row.id,
      kind: kindAt(row.kind),
      uuid: charger?.uuid ?? '',
      label: charger?.label ?? 'a charger no longer recorded',
      observedAt: iso(row.at),
      at: iso(row.eff),
      from: bucketAt(row.from_bucket),
      to: bucketAt(row.to_bucket),
      statusBefore: w.text(row.status_before),
      statusAfter: w.text(row.status_after),
      errorBefore: w.text(row.error_before),
      errorAfter: w.text(row.error_after),
      errorInfo: w.text(row.error_info),
      action: w.text(row.action),
      answer: w.text(row.answer),
    }
  }

  private coverage(from: number, to: number): Coverage {
    const spans = this.db.prepare(`SELECT start, end FROM watch_spans WHERE end >= ? AND start < ?`).all(from, to) as {
      start: number
      end: number
    }[]
    return new Coverage(spans)
  }

  /** The detail panel's History: the 7-day strip, uptime over 24 h / 7 d / 30 d, the latest events. */
  chargerHistory(uuid: string, nowMs: number, eventLimit = 50): ChargerHistory | null {
    const charger = this.registry.byUuid.get(uuid)
    if (!charger) return null
    const now = sec(nowMs)
    const monthFrom = now - 30 * DAY
    const rows = this.db
      .prepare(`SELECT * FROM events WHERE charger = ? AND at >= ? AND kind != ${ACTION_CODE} ORDER BY at, id`)
      .all(charger.id, monthFrom) as EventRecord[]
    const timelineEvents = byEff(rows.map(asTimeline))
    const coverage = this.coverage(monthFrom, now)
    const period = (days: number): Uptime => {
      const from = now - days * DAY
      const segments = timeline(
        from,
        now,
        charger,
        timelineEvents.filter((e) => e.at >= from),
      )
      return toUptime(uptimeOf(segments, coverage), (now - from) * 1000)
    }
    const weekFrom = now - 7 * DAY
    const strip = stripOf(
      timeline(
        weekFrom,
        now,
        charger,
        timelineEvents.filter((e) => e.at >= weekFrom),
      ),
      coverage,
    ).map((s) => ({ start: iso(s.start), end: iso(s.end), state: s.state }))
    const latest = this.db
      .prepare(`SELECT * FROM events WHERE charger = ? ORDER BY at DESC, id DESC LIMIT ?`)
      .all(charger.id, eventLimit) as EventRecord[]
    return {
      uuid,
      from: iso(weekFrom),
      to: iso(now),
      strip,
      uptime: { day: period(1), week: period(7), month: period(30) },
      events: latest.map((row) => this.toEvent(row)),
    }
  }

  /**
   * Uptime of every charger over [from, to), with the events observed until `to`: the uptime report and the
   * benchmark. A period that reaches the last recording is read from the daily rollups when given.
   */
  uptimeAll(fromMs: number, toMs: number, rolled?: { rollups: DayRollups; lastAt: number }): ChargerUptime[] {
    const from = sec(fromMs)
    const to = sec(toMs)
    if (rolled && to >= rolled.lastAt) {
      const fast = rolledUptime(this.db, this.registry, rolled.rollups, from, to)
      if (fast) return fast
    }
    return this.walkUptime(from, to)
  }

  /** The same, from every event of the period (and the reference the rollups are tested against). */
  walkUptime(from: number, to: number): ChargerUptime[] {
    const coverage = this.coverage(from, to)
    const grouped = new Map<number, TimelineEvent[]>()
    const rows = this.db
      .prepare(
        `SELECT charger, at, eff, from_bucket, to_bucket FROM events WHERE id >= ? AND at <= ? AND kind != ${ACTION_CODE}`,
      )
      .raw()
      .iterate(firstEventIdAtOrAfter(this.db, from), to) as IterableIterator<
      [number, number, number, number | null, number | null]
    >
    for (const [charger, at, eff, fromBucket, toBucket] of rows) {
      let list = grouped.get(charger)
      if (!list) grouped.set(charger, (list = []))
      list.push({ at, eff, from: bucketAt(fromBucket), to: bucketAt(toBucket) })
    }
    const out: ChargerUptime[] = []
    for (const charger of this.registry.byId.values()) {
      const events = grouped.get(charger.id)
      if (!events && !charger.present) continue
      const figures = uptimeOf(timeline(from, to, charger, events ? byEff(events) : []), coverage)
      out.push({ uuid: charger.uuid, label: charger.label, ...figures })
    }
    return out
  }

  activity(query: ActivityQuery): ActivityPage {
    const { where, params } = this.activityFilter(query)
    const limit = query.limit ?? 200
    const paged = query.beforeId !== undefined ? `${where} AND id < ?` : where
    const pageParams = query.beforeId !== undefined ? [...params, query.beforeId] : params
    const rows = this.db
      .prepare(`SELECT * FROM events WHERE ${paged} ORDER BY id DESC LIMIT ?`)
      .all(...pageParams, limit) as EventRecord[]
    const total = this.db
      .prepare(`SELECT count(*) FROM events WHERE ${where}`)
      .pluck()
      .get(...params) as number
    return { events: rows.map((row) => this.toEvent(row)), total }
  }

  private activityFilter(query: ActivityQuery): { where: string; params: number[] } {
    const clauses = ['1']
    const params: number[] = []
    if (query.since) {
      clauses.push('id >= ?')
      params.push(firstEventIdAtOrAfter(this.db, sec(Date.parse(query.since))))
    }
    if (query.until) {
      clauses.push('id < ?')
      params.push(firstEventIdAtOrAfter(this.db, sec(Date.parse(query.until))))
    }
    if (query.kinds && query.kinds.length < HISTORY_EVENT_KINDS.length) {
      const codes = query.kinds.map(kindCode)
      clauses.push(`kind IN (${codes.map(() => '?').join(', ') || 'NULL'})`)
      params.push(...codes)
    }
    return { where: clauses.join(' AND '), params }
  }

  /** Every event observed in [from, to), oldest first (the CSV export). */
  eventsBetween(fromMs: number, toMs: number): HistoryEvent[] {
    const rows = this.db
      .prepare(`SELECT * FROM events WHERE id >= ? AND id < ? ORDER BY id`)
      .all(firstEventIdAtOrAfter(this.db, sec(fromMs)), firstEventIdAtOrAfter(this.db, sec(toMs))) as EventRecord[]
    return rows.map((row) => this.toEvent(row))
  }

  sinceLastLooked(firstNames = 3): SinceLastLooked {
    const meta = this.db.prepare(`SELECT value FROM meta WHERE key = ?`).pluck()
    const lookedId = Number(meta.get('looked_event_id') ?? 0)
    const lookedAt = (meta.get('looked_at') as string | undefined) ?? null
    const counts = Object.fromEntries(HISTORY_EVENT_KINDS.map((k) => [k, 0])) as Record<HistoryEventKind, number>
    let total = 0
    const grouped = this.db
      .prepare(`SELECT kind, count(*) AS n FROM events WHERE id > ? AND kind != ${ACTION_CODE} GROUP BY kind`)
      .all(lookedId) as { kind: number; n: number }[]
    for (const { kind, n } of grouped) {
      counts[kindAt(kind)] += n
      total += n
    }
    const names = this.db
      .prepare(
        `SELECT charger FROM events WHERE id > ? AND kind != ${ACTION_CODE} GROUP BY charger ORDER BY max(id) DESC LIMIT ?`,
      )
      .pluck()
      .all(lookedId, firstNames) as number[]
    const firstLabels = names.map((id) => this.registry.byId.get(id)?.label ?? '').filter(Boolean)
    return { lookedAt, total, counts, firstLabels }
  }

  /** The user has seen everything recorded until now. */
  markSeen(nowMs: number): void {
    const last = this.db.prepare(`SELECT max(id) FROM events`).pluck().get() as number | null
    const put = this.db.prepare(`INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)`)
    this.db.transaction(() => {
      put.run('looked_event_id', String(last ?? 0))
      put.run('looked_at', new Date(nowMs).toISOString())
    })()
  }

  /** Counts per bucket over 24 h (5-minute slots) or 7 days (hourly), from the good syncs. */
  fleetSeries(period: FleetSeries['period'], nowMs: number): FleetSeries {
    const slot = period === '24h' ? 300 : HOUR
    const slots = period === '24h' ? 288 : 168
    const now = sec(nowMs)
    const first = (Math.floor(now / slot) - slots + 1) * slot
    const rows = this.db
      .prepare(
        // better-sqlite3 binds a JS number as a REAL, so at / ? would be a fraction: the slot must be cast.
        `SELECT CAST(at / ? AS INTEGER) AS k, max(at) AS at, counts FROM syncs WHERE ok = 1 AND at >= ? AND counts IS NOT NULL GROUP BY k`,
      )
      .all(slot, first) as { k: number; counts: string }[]
    const times = Array.from({ length: slots }, (_, i) => first + i * slot)
    const counts = Object.fromEntries(BUCKETS.map((b) => [b, times.map(() => null)])) as FleetSeries['counts']
    for (const row of rows) {
      const index = row.k - first / slot
      if (index < 0 || index >= slots) continue
      const parsed = decodeCounts(row.counts)
      for (const bucket of BUCKETS) counts[bucket][index] = parsed[bucket]
    }
    return { period, times, counts }
  }

  /** Chargers that went offline at least `minCount` times in the last `windowMs`. */
  flapping(nowMs: number, windowMs: number, minCount: number): Flapping[] {
    const rows = this.db
      .prepare(
        `SELECT charger, count(*) AS n FROM events WHERE id >= ? AND kind = ? GROUP BY charger HAVING n >= ? ORDER BY n DESC`,
      )
      .all(firstEventIdAtOrAfter(this.db, sec(nowMs - windowMs)), kindCode('went_offline'), minCount) as {
      charger: number
      n: number
    }[]
    return rows.flatMap(({ charger, n }) => {
      const known = this.registry.byId.get(charger)
      return known ? [{ uuid: known.uuid, label: known.label, wentOffline: n }] : []
    })
  }
}

function asTimeline(row: EventRecord): TimelineEvent {
  return { at: row.at, eff: row.eff, from: bucketAt(row.from_bucket), to: bucketAt(row.to_bucket) }
}

/** Events by the moment they happened (a blip's API moments can precede an earlier-observed event). */
function byEff(events: TimelineEvent[]): TimelineEvent[] {
  for (let i = 1; i < events.length; i++) {
    if (events[i]!.eff < events[i - 1]!.eff) return events.slice().sort((a, b) => a.eff - b.eff || a.at - b.at)
  }
  return events
}

function toUptime(figures: UptimeFigures, periodMs: number): Uptime {
  return {
    ratio: figures.knownSec > 0 ? figures.upSec / figures.knownSec : null,
    upMs: figures.upSec * 1000,
    knownMs: figures.knownSec * 1000,
    periodMs,
    longestOutageMs: figures.longestOutageSec * 1000,
  }
}
