// The desktop bundle's transport: the preload's bridge on window.plugfleet (contextBridge). Main validated every
// answer against the contract before sending it (ipc/command-dispatch.ts), so answers are not parsed a second
// time here; events are checked where they enter.
import { BRIDGE_GLOBAL } from '@shared/ipc-contract'
import type { Connection, Transport, UntrustedBridge } from './bridge-types'
import { validateBridge } from './validate-bridge'

const unavailable: UntrustedBridge['invoke'] = new Proxy({} as UntrustedBridge['invoke'], {
  get: () => async () => ({ ok: false, error: { code: 'transport', message: 'The app’s bridge is missing.' } }),
})

function preloadBridge(): UntrustedBridge {
  const candidate = (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL]
  if (candidate && typeof candidate === 'object') return candidate as UntrustedBridge
  return { invoke: unavailable, on: () => () => undefined }
}

const transport: Transport = {
  kind: 'electron',
  ready: Promise.resolve(),
  // IPC events are delivered in order for as long as the window lives: nothing to resync.
  onResync: () => () => undefined,
  onConnection: () => () => undefined,
  onRefused: () => () => undefined,
  refusal: null,
}

export function connect(): Connection {
  return {
    api: validateBridge(preloadBridge(), { answersValidatedByMain: true }),
    transport,
    RefusedScreen: null,
    lostContactMessage: 'Lost contact with the app. Reconnecting…',
  }
}
