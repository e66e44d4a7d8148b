// The renderer's one door to main: the typed, validated `api`. In Electron the preload exposes the bridge on
// window.plugfleet; in a browser (npm run web) the same contract travels over loopback HTTP. Chosen once here.
import { BRIDGE_GLOBAL, type RendererBridge } from '@shared/ipc-contract'
import type { Transport, UntrustedBridge } from './bridge-types'
import { takePreviewSecret } from './preview-secret'
import { validateBridge } from './validate-bridge'
import { createWebBridge } from './web-bridge'

function electronBridge(): UntrustedBridge | null {
  const candidate = (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL]
  return candidate && typeof candidate === 'object' ? (candidate as UntrustedBridge) : null
}

function choose(): { raw: UntrustedBridge; transport: Transport } {
  const preload = electronBridge()
  if (preload) {
    const transport: Transport = {
      kind: 'electron',
      ready: Promise.resolve(),
      // IPC events are delivered in order for as long as the window lives: nothing to resync.
      onResync: () => () => {},
      onConnection: () => () => {},
      onRefused: () => () => {},
      refusal: null,
    }
    return { raw: preload, transport }
  }
  let storage: Storage | null
  try {
    storage = window.sessionStorage
  } catch {
    storage = null
  }
  const sources = { location: window.location, storage, history: window.history }
  const secret = takePreviewSecret(sources)
  // Pasting the printed link into this tab only changes the fragment (no page load): take the new secret
  // and start over with it.
  window.addEventListener('hashchange', () => {
    if (!/^#(.*&)?secret=/.test(window.location.hash)) return
    const next = takePreviewSecret(sources)
    if (next !== null && next !== secret) window.location.reload()
  })
  const web = createWebBridge({ baseUrl: window.location.origin, secret })
  return { raw: web.bridge, transport: web.transport }
}

const chosen = choose()

export const api: RendererBridge = validateBridge(chosen.raw)
export const transport: Transport = chosen.transport
