// The web preview: the real main-process app (FleetApp with the real keychain, cache and API client) behind
// the loopback bridge instead of Electron IPC. Used by `npm run web`, `npm run demo` without Electron, the
// end-to-end tests and the renderer benchmark.
import { join } from 'node:path'
import { existsSync } from 'node:fs'
import { EVENTS } from '@shared/ipc-channels'
import type { FleetApp } from '@main/core/fleet-app'
import { openFleetApp } from '@main/core/open-fleet-app'
import { startBridgeServer, type BridgeServer } from './bridge-server'
import { webPorts } from './web-ports'

export interface WebPreviewOptions {
  port: number
  demo: boolean
  userDataDir: string
  /** The web preview's built renderer; defaults to out/web-renderer of this checkout. */
  staticDir?: string
}

export interface WebPreview {
  url: string
  app: FleetApp
  close(): Promise<void>
}

export async function startWebPreview(options: WebPreviewOptions): Promise<WebPreview> {
  const staticDir = options.staticDir ?? join(import.meta.dirname, '..', '..', 'out', 'web-renderer')
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new Error(`The renderer is not built (${staticDir}). Run \`npm run build\` first.`)
  }
  const app = await openFleetApp({ userDataDir: options.userDataDir, ports: webPorts })
  await app.start({ demo: options.demo })
  let server: BridgeServer
  try {
    server = await startBridgeServer({
      port: options.port,
      staticDir,
      handlers: app.handlers,
      subscribe: (send) => {
        const offs = EVENTS.map((event) => app.on(event, (payload) => send(event, payload)))
        return () => offs.forEach((off) => off())
      },
    })
  } catch (error) {
    await app.stop()
    throw error
  }
  return {
    url: server.url,
    app,
    async close() {
      await server.close()
      await app.stop()
    },
  }
}
