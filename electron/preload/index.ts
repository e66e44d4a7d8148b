// The sandboxed preload: exposes `window.plugfleet` with one function per command of the contract and an
// event subscription that returns its unsubscribe. It bundles to one CommonJS file that requires nothing but
// `electron` (shared/ipc-channels.ts has no imports; only types come from the contract). Validation happens in
// main: this file only carries messages, and never hands Electron objects (IpcRendererEvent, ipcRenderer) to
// the page.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { COMMANDS, isEventName } from '@shared/ipc-channels'
import type { BRIDGE_GLOBAL, CommandInvokers, RendererBridge } from '@shared/ipc-contract'

// Types only from the contract: its schemas would pull zod into a bundle that may require nothing but
// `electron`. The name is checked against the contract's constant at compile time instead.
const bridgeName: typeof BRIDGE_GLOBAL = 'plugfleet'

const invoke = Object.fromEntries(
  COMMANDS.map((channel) => [channel, (request: unknown) => ipcRenderer.invoke(channel, request)]),
) as CommandInvokers

const bridge: RendererBridge = {
  invoke,
  on(event, listener) {
    if (!isEventName(event)) throw new TypeError(`Unknown event: ${String(event)}`)
    if (typeof listener !== 'function') throw new TypeError('The listener must be a function')
    const forward = (_event: IpcRendererEvent, payload: unknown) => (listener as (payload: unknown) => void)(payload)
    ipcRenderer.on(event, forward)
    let subscribed = true
    return () => {
      if (!subscribed) return
      subscribed = false
      ipcRenderer.removeListener(event, forward)
    }
  },
}

contextBridge.exposeInMainWorld(bridgeName, bridge)
