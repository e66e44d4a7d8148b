// What a transport hands the renderer before validation: an Electron preload or the web preview's HTTP
// client. Nothing from it is trusted until validate-bridge.ts has checked it against the contract.
import type { Component } from 'svelte'
import type { AppErrorInfo } from '@shared/app-schemas'
import type { CommandName, EventName } from '@shared/ipc-channels'
import type { RendererBridge } from '@shared/ipc-contract'

export interface UntrustedBridge {
  invoke: Record<CommandName, (request: unknown) => Promise<unknown>>
  on(event: EventName, listener: (payload: unknown) => void): () => void
}

/** How the transport itself is doing, apart from any one command's answer. */
export interface Transport {
  readonly kind: 'electron' | 'web'
  /** Resolves once events can arrive (at once in Electron), so the first snapshot misses no delta. */
  readonly ready: Promise<void>
  /** Events may have been missed (the event stream dropped and came back): fetch whole state again. */
  onResync(listener: () => void): () => void
  /** The event stream dropped (false) or came back (true): the web preview server stopped or restarted. */
  onConnection(listener: (connected: boolean) => void): () => void
  /** The web preview refused this page (wrong or missing secret, foreign origin). Final until reload. */
  onRefused(listener: (error: AppErrorInfo) => void): () => void
  readonly refusal: AppErrorInfo | null
}

/**
 * What the transport module gives api.ts. The module is chosen at build time (the `@transport` alias):
 * electron.ts for the desktop bundle, web/connect.ts for the web preview's, so neither carries the other.
 */
export interface Connection {
  api: RendererBridge
  transport: Transport
  /** What to show when the transport refuses the page (the web preview's wrong secret); null in Electron. */
  RefusedScreen: Component<{ refusal: AppErrorInfo }> | null
  /** The line shown while the event stream is down, naming what to check. */
  lostContactMessage: string
}
