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
export { startSimulatedApi, badRecordIndex, API_PREFIX, DEFAULT_PER_PAGE } from './simulated-api'
export type {
  SimulatedApi,
  SimulatedApiOptions,
  RequestLogEntry,
  PageMalformation,
  NextLinkOverride,
} from './simulated-api'
