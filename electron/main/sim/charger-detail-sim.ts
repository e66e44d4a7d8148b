// The simulator's view of one charger: its connectors (one or two per charger, by model; some two-socket
// chargers have socket 2 faulted while the charger says Available) and its OCPP log, generated from the
// charger's own timestamps and appended to as the fleet changes (StatusNotification on every change,
// BootNotification after a restart, a Reset when one is sent).
import type { Connector, OcppLogEntry } from '@shared/charger-detail-schemas'
import type { Charger } from '@shared/plugchoice-schemas'
import { apiTimestamp } from './fleet-generator'
import { mixSeed, SeededRandom } from './seeded-random'

/** Text a log entry carries that must reach the screen as text (the e2e spec looks for it). */
export const SCRIPT_INFO = '<script>alert("log")</script>Relay check'
const LOG_PAGE = 25
const HISTORY_ENTRIES = 60
const INSIGNIFICANT = new Set(['MeterValues', 'SetChargingProfile'])

/** A stable number per text (FNV-1a), so a charger's simulated traits do not change between runs. */
export function hash(text: string): number {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619)
  return h >>> 0
}

/** Two sockets for a quarter of the AC chargers; a third of those has socket 2 faulted. */
export function connectorCount(charger: Charger): number {
  return !charger.model?.is_dc && hash(charger.uuid) % 4 === 0 ? 2 : 1
}

export function hasFaultedSecondSocket(charger: Charger): boolean {
  return connectorCount(charger) === 2 && (hash(charger.uuid) >>> 4) % 3 === 0 && charger.connection_status === 'online'
}

export function connectorsOf(charger: Charger, chargerId: number): Connector[] {
  const count = connectorCount(charger)
  const powerType = charger.model?.is_dc ? 'DC' : hash(charger.uuid) % 3 === 0 ? 'AC_1_PHASE' : 'AC_3_PHASE'
  const connectors: Connector[] = []
  for (let n = 1; n <= count; n++) {
    const faulted = n === 2 && hasFaultedSecondSocket(charger)
    connectors.push({
      id: chargerId * 10 + n,
      charger_id: chargerId,
      connector_id: n,
      status: faulted ? 'Faulted' : n === 2 && charger.status !== 'Faulted' ? 'Available' : (charger.status ?? null),
      error: faulted ? 'GroundFailure' : n === 1 ? (charger.error ?? null) : 'NoError',
      error_info: faulted ? 'Residual current detected on socket 2' : n === 1 ? (charger.error_info ?? null) : null,
      vendor_id: faulted ? (charger.vendor_id ?? 'SIM') : n === 1 ? (charger.vendor_id ?? null) : null,
      vendor_error_code: faulted ? 'RCD-02' : n === 1 ? (charger.vendor_error_code ?? null) : null,
      max_amperage: powerType === 'DC' ? 200 : (charger.max_current ?? 32),
      max_voltage: powerType === 'DC' ? 920 : powerType === 'AC_1_PHASE' ? 230 : 400,
      standard: powerType === 'DC' ? 'IEC_62196_T2_COMBO' : 'IEC_62196_T2',
      format: powerType === 'DC' ? 'CABLE' : 'SOCKET',
      power_type: powerType,
      phase_rotation: powerType === 'AC_3_PHASE' ? 'RST' : null,
      created_at: charger.created_at ?? null,
      updated_at: charger.updated_at ?? null,
    })
  }
  return connectors
}

export interface LogQuery {
  page: number
  method: string | null
  hideInsignificant: boolean
}

export class ChargerLogs {
  readonly #logs = new Map<string, OcppLogEntry[]>()
  #nextId = 1

  constructor(
    private readonly seed: number,
    private readonly clock: () => number,
  ) {}

  /** One page, newest first, with the methods this charger's log holds. */
  page(charger: Charger, chargerId: number, query: LogQuery) {
    const all = this.#logOf(charger, chargerId).filter(
      (entry) =>
        (!query.hideInsignificant || !INSIGNIFICANT.has(entry.method)) &&
        (query.method === null || entry.method === query.method),
    )
    const start = (query.page - 1) * LOG_PAGE
    return {
      entries: all.slice(start, start + LOG_PAGE),
      hasMore: start + LOG_PAGE < all.length,
      methods: [...new Set(this.#logOf(charger, chargerId).map((entry) => entry.method))].sort(),
    }
  }

  /** A message in the log of a charger whose log was already read (an unread log is generated up to date). */
  append(
    charger: Charger,
    chargerId: number,
    entry: Pick<OcppLogEntry, 'method' | 'destination' | 'status' | 'params' | 'result'>,
  ) {
    if (!this.#logs.has(charger.uuid)) return
    this.#logOf(charger, chargerId).unshift(this.#entry(chargerId, this.clock(), entry))
  }

  statusNotification(charger: Charger, chargerId: number, connectorId = 0) {
    this.append(charger, chargerId, {
      method: 'StatusNotification',
      destination: 'centralsystem',
      status: 'done',
      params: statusParams(charger, connectorId, this.clock()),
      result: {},
    })
  }

  bootNotification(charger: Charger, chargerId: number) {
    this.append(charger, chargerId, {
      method: 'BootNotification',
      destination: 'centralsystem',
      status: 'done',
      params: bootParams(charger),
      result: { status: 'Accepted', interval: 300, currentTime: apiTimestamp(this.clock()) },
    })
  }

  #entry(
    chargerId: number,
    at: number,
    fields: Pick<OcppLogEntry, 'method' | 'destination' | 'status' | 'params' | 'result'>,
  ): OcppLogEntry {
    const time = apiTimestamp(at)
    return { id: this.#nextId++, charger_id: chargerId, version: '1.6', ...fields, created_at: time, updated_at: time }
  }

  #logOf(charger: Charger, chargerId: number): OcppLogEntry[] {
    let log = this.#logs.get(charger.uuid)
    if (!log) {
      log = this.#history(charger, chargerId)
      this.#logs.set(charger.uuid, log)
    }
    return log
  }

  /** The recent past, newest first: heartbeats, meter values, a boot and status changes; a few failures. */
  #history(charger: Charger, chargerId: number): OcppLogEntry[] {
    if (charger.connection_status === 'never_seen') return []
    const random = new SeededRandom(mixSeed(this.seed, hash(charger.uuid)))
    const newest = Date.parse(charger.last_heartbeat_at ?? charger.updated_at ?? '') || this.clock()
    const entries: OcppLogEntry[] = []
    let at = newest
    const withInfo = charger.reference?.includes('<') ? { ...charger, error_info: SCRIPT_INFO } : charger
    entries.push(this.#entry(chargerId, at, statusEntry(withInfo, 0, at)))
    for (let i = 1; i < HISTORY_ENTRIES; i++) {
      at -= random.int(60_000, 20 * 60_000)
      const roll = random.next()
      if (i === HISTORY_ENTRIES - 1) {
        entries.push(
          this.#entry(chargerId, at, {
            method: 'BootNotification',
            destination: 'centralsystem',
            status: 'done',
            params: bootParams(charger),
            result: { status: 'Accepted', interval: 300 },
          }),
        )
      } else if (roll < 0.35) {
        entries.push(
          this.#entry(chargerId, at, {
            method: 'MeterValues',
            destination: 'centralsystem',
            status: 'done',
            params: { connectorId: 1, meterValue: [{ sampledValue: [{ value: String(random.int(1000, 99_999)) }] }] },
            result: {},
          }),
        )
      } else if (roll < 0.8) {
        entries.push(
          this.#entry(chargerId, at, {
            method: 'Heartbeat',
            destination: 'centralsystem',
            status: 'done',
            params: {},
            result: { currentTime: apiTimestamp(at) },
          }),
        )
      } else if (roll < 0.9) {
        entries.push(
          this.#entry(chargerId, at, statusEntry({ ...charger, status: 'Available', error: 'NoError' }, 1, at)),
        )
      } else {
        entries.push(
          this.#entry(chargerId, at, {
            method: 'GetConfiguration',
            destination: 'charger',
            status: 'failed',
            params: { key: ['MeterValueSampleInterval'] },
            result: { error: 'The charger did not answer within 30 seconds' },
          }),
        )
      }
    }
    return entries
  }
}

function statusParams(charger: Charger, connectorId: number, at: number) {
  return {
    connectorId,
    status: charger.status ?? 'Available',
    errorCode: charger.error ?? 'NoError',
    info: charger.error_info ?? null,
    vendorId: charger.vendor_id ?? null,
    vendorErrorCode: charger.vendor_error_code ?? null,
    timestamp: apiTimestamp(at),
  }
}

function statusEntry(charger: Charger, connectorId: number, at: number) {
  return {
    method: 'StatusNotification',
    destination: 'centralsystem',
    status: 'done',
    params: statusParams(charger, connectorId, at),
    result: {},
  }
}

function bootParams(charger: Charger) {
  return {
    chargePointVendor: charger.model?.vendor ?? 'Unknown',
    chargePointModel: charger.model?.name ?? 'Unknown',
    firmwareVersion: charger.firmware_version ?? null,
    chargePointSerialNumber: charger.identity ?? null,
  }
}
