// The web preview's transport (its own bundle, built by electron/web/renderer.vite.config.ts): the contract
// over loopback HTTP to `npm run web`, with the one-time secret from the printed link. Everything that arrives
// is validated against the contract: a loopback port is not a preload.
import type { Connection } from '../bridge-types'
import { validateBridge } from '../validate-bridge'
import BridgeRefused from './BridgeRefused.svelte'
import { takePreviewSecret } from './preview-secret'
import { createWebBridge } from './web-bridge'

export function connect(): Connection {
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
  return {
    api: validateBridge(web.bridge, { answersValidatedByMain: false }),
    transport: web.transport,
    RefusedScreen: BridgeRefused,
    lostContactMessage: 'Lost contact with the app (was npm run web stopped?). Reconnecting…',
  }
}
