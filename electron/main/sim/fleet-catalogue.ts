// What the simulated fleet is made of: the charger models Plugchoice users run (vendor, identity pattern,
// firmware, current), the customers' sites, the OCPP servers, the faults real chargers report with their
// vendor codes, and the statuses of a charger in use. Data only; fleet-generator.ts draws from it.
import type { SeededRandom } from './seeded-random'

export interface ModelSpec {
  id: number
  vendor: string
  name: string
  isDc: boolean
  /** How the vendor names itself in OCPP `vendor_id`. */
  vendorId: string
  identity: (random: SeededRandom) => string
  /** [firmware_version, parsed_firmware_version] */
  firmware: readonly (readonly [string, string | null])[]
  maxCurrent: readonly number[]
  weight: number
}

export const MODELS: readonly ModelSpec[] = [
  {
    id: 11,
    vendor: 'Alfen',
    name: 'Eve Single Pro-line',
    isDc: false,
    vendorId: 'Alfen BV',
    identity: (r) => `ACE0${r.digits(6)}`,
    firmware: [
      ['6.4.0-4221', '6.4.0'],
      ['6.3.0-4186', '6.3.0'],
      ['7.1.1-4289', '7.1.1'],
    ],
    maxCurrent: [16, 32],
    weight: 18,
  },
  {
    id: 12,
    vendor: 'Alfen',
    name: 'Eve Double Pro-line',
    isDc: false,
    vendorId: 'Alfen BV',
    identity: (r) => `ACE0${r.digits(6)}`,
    firmware: [
      ['6.4.0-4221', '6.4.0'],
      ['7.1.1-4289', '7.1.1'],
    ],
    maxCurrent: [32],
    weight: 10,
  },
  {
    id: 21,
    vendor: 'Zaptec',
    name: 'Go',
    isDc: false,
    vendorId: 'Zaptec',
    identity: (r) => `ZAP${r.digits(6)}`,
    firmware: [
      ['2.4.1.0', '2.4.1'],
      ['2.3.2.2', '2.3.2'],
    ],
    maxCurrent: [16, 32],
    weight: 16,
  },
  {
    id: 22,
    vendor: 'Zaptec',
    name: 'Pro',
    isDc: false,
    vendorId: 'Zaptec',
    identity: (r) => `ZPR${r.digits(6)}`,
    firmware: [['2.4.1.0', '2.4.1']],
    maxCurrent: [32],
    weight: 6,
  },
  {
    id: 31,
    vendor: 'Easee',
    name: 'Charge',
    isDc: false,
    vendorId: 'Easee',
    identity: (r) => `EH${r.pick(['C', 'V', 'Z'])}${r.digits(5)}`,
    firmware: [
      ['311', '3.1.1'],
      ['320', '3.2.0'],
      ['305', null],
    ],
    maxCurrent: [16, 32],
    weight: 12,
  },
  {
    id: 41,
    vendor: 'Wallbox',
    name: 'Pulsar Plus',
    isDc: false,
    vendorId: 'Wall Box Chargers',
    identity: (r) => `WB${r.digits(6)}`,
    firmware: [
      ['5.17.11', '5.17.11'],
      ['6.2.14', '6.2.14'],
    ],
    maxCurrent: [16, 32],
    weight: 10,
  },
  {
    id: 42,
    vendor: 'Wallbox',
    name: 'Commander 2',
    isDc: false,
    vendorId: 'Wall Box Chargers',
    identity: (r) => `WB${r.digits(6)}`,
    firmware: [['6.2.14', '6.2.14']],
    maxCurrent: [32],
    weight: 4,
  },
  {
    id: 51,
    vendor: 'ABB',
    name: 'Terra AC W22',
    isDc: false,
    vendorId: 'ABB',
    identity: (r) => `TACW22${r.digits(6)}G${r.digits(4)}`,
    firmware: [
      ['1.8.21', '1.8.21'],
      ['1.6.9', '1.6.9'],
    ],
    maxCurrent: [32],
    weight: 6,
  },
  {
    id: 52,
    vendor: 'ABB',
    name: 'Terra DC 54',
    isDc: true,
    vendorId: 'ABB',
    identity: (r) => `T54-${r.digits(5)}`,
    firmware: [
      ['1.5.18-rc2', '1.5.18'],
      ['1.6.2', '1.6.2'],
    ],
    maxCurrent: [125],
    weight: 3,
  },
  {
    id: 53,
    vendor: 'ABB',
    name: 'Terra 184',
    isDc: true,
    vendorId: 'ABB',
    identity: (r) => `T184-${r.digits(5)}`,
    firmware: [['1.6.2', '1.6.2']],
    maxCurrent: [200],
    weight: 2,
  },
  {
    id: 61,
    vendor: 'Kempower',
    name: 'Satellite S-Series',
    isDc: true,
    vendorId: 'Kempower',
    identity: (r) => `KP${r.digits(8)}`,
    firmware: [
      ['K4.14.0', '4.14.0'],
      ['K4.12.1', '4.12.1'],
    ],
    maxCurrent: [200, 500],
    weight: 3,
  },
  {
    id: 71,
    vendor: 'Etrel',
    name: 'INCH Pro',
    isDc: false,
    vendorId: 'Etrel',
    identity: (r) => `ETR${r.digits(7)}`,
    firmware: [['5.1.3', '5.1.3']],
    maxCurrent: [32],
    weight: 4,
  },
]
export const MODEL_WEIGHTS = Object.fromEntries(MODELS.map((model, index) => [String(index), model.weight])) as Record<
  string,
  number
>

export const SITES = [
  'Depot Utrecht',
  'Depot Amersfoort',
  'Office Amsterdam Zuid',
  'Parking Garage Centrum',
  'Hotel De Wit',
  'Supermarket Eindhoven',
  'Town Hall Zwolle',
  'Sports Park Noord',
  'Distribution Centre Venlo',
  'Marina Lelystad',
  'Hospital Staff Car Park',
  'Park & Ride Haarlem',
  'Business Park Oost',
  'School Lane',
  'Harbour Gate 3',
] as const
export const SITE_HINTS = ['north-lot', 'south-lot', 'level -1', 'visitors', 'fleet only'] as const
export const SERVERS = ['ocpp-eu-1.plugchoice.com', 'ocpp-eu-2.plugchoice.com', 'ocpp16.plugchoice.com'] as const

export interface FaultDetail {
  error: string
  vendorErrorCode: string | null
  info: string | null
}
export const FAULTS: readonly FaultDetail[] = [
  { error: 'GroundFailure', vendorErrorCode: 'RCD_TRIP', info: 'Residual current device tripped (30 mA AC)' },
  { error: 'OtherError', vendorErrorCode: 'E-107', info: 'Contactor welded, service required' },
  { error: 'OtherError', vendorErrorCode: '1011', info: 'PEN fault detected on supply' },
  { error: 'HighTemperature', vendorErrorCode: 'T-OVER', info: 'Internal temperature 87 °C, charging suspended' },
  { error: 'PowerMeterFailure', vendorErrorCode: 'MID-04', info: 'Energy meter not responding (Modbus timeout)' },
  { error: 'ConnectorLockFailure', vendorErrorCode: 'LOCK-2', info: 'Cable lock did not reach the locked position' },
  { error: 'InternalError', vendorErrorCode: '0x0502', info: 'Watchdog reset' },
  { error: 'OverVoltage', vendorErrorCode: null, info: null },
]
export const IN_USE_STATUSES = [
  'Charging',
  'Charging',
  'Charging',
  'Preparing',
  'SuspendedEV',
  'SuspendedEVSE',
  'Finishing',
] as const
/** The last status an offline charger reported, kept greyed in the UI. */
export const LAST_STATUSES = ['Available', 'Available', 'Available', 'Charging', 'Unavailable', 'Faulted'] as const

export function pickFault(random: SeededRandom): FaultDetail {
  return random.pick(FAULTS)
}

export function pickInUseStatus(random: SeededRandom): string {
  return random.pick(IN_USE_STATUSES)
}
