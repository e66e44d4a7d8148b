// The fleet history's entry points for the app (issue 11).
export { FleetHistory, DEFAULT_RETENTION_DAYS } from './fleet-history'
export type { FleetHistoryDeps } from './fleet-history'
export type { RecordSyncInput, SyncOutcome, RecordResult } from './history-recorder'
export { historyHandlers } from './history-commands'
export type { HistoryHandlers, HistoryHandlerDeps } from './history-commands'
export { FlappingNotices } from './flapping-notices'
export { seedDemoHistory } from './demo-history'
export { deleteHistoryFiles, historyPath } from './history-db'
