export {
  generateFleet,
  apiTimestamp,
  HTML_REFERENCE,
  NONSTANDARD_ERROR,
  UNKNOWN_STATUS,
  DEFAULT_FLEET_NOW,
} from './fleet-generator'
export type { Scenario } from './fleet-generator'
export { evolveFleet, scenarioOf } from './fleet-dynamics'
export { fastClock, DAY_MS } from './fast-clock'
export type { FastClock } from './fast-clock'
export { runFleetDays } from './fleet-days'
export type { FleetDaysOptions } from './fleet-days'
export { startSimulatedApi, badRecordIndex, API_PREFIX, DEFAULT_PER_PAGE } from './simulated-api'
export type {
  SimulatedApi,
  SimulatedApiOptions,
  RequestLogEntry,
  PageMalformation,
  NextLinkOverride,
} from './simulated-api'
