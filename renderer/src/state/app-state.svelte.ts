// The renderer's state, wired once: the stores, the events from main that keep them current, and the
// start-up sequence (wait until events can arrive, then read auth, settings and the fleet).
import { api, transport } from '../lib/api'
import { FleetStore } from './fleet-store.svelte'
import { FleetView } from './fleet-view.svelte'
import { LookTracker } from './looked.svelte'
import { Session } from './session.svelte'

export const session = new Session()
export const fleet = new FleetStore()
export const view = new FleetView(fleet, session)
export const looked = new LookTracker(fleet)

let started = false

export async function startApp(): Promise<void> {
  if (started) return
  started = true
  transport.onRefused((error) => (session.refusal = error))
  transport.onConnection((connected) => (session.connected = connected))
  api.on('auth:changed', (auth) => (session.auth = auth))
  api.on('settings:changed', (settings) => (session.settings = settings))
  api.on('fleet:delta', (delta) => fleet.applyDelta(delta))
  api.on('fleet:status', (status) => fleet.applyStatus(status))
  api.on('ui:show-charger', ({ uuid }) => view.reveal(uuid))
  // Events sent while the stream was down are lost: read the whole state again.
  transport.onResync(() => void Promise.all([session.load(), fleet.refetch()]))
  await transport.ready
  await Promise.all([session.load(), fleet.refetch()])
  // The cached list on screen at start is what the user last saw: a first sync's changes are marked.
  looked.watch(window)
}
