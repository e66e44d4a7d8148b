// Who is signed in, the app's settings, and whether the transport lets this page talk to the app at all.
// Commands that change them answer the new state; events from main (auth:changed, settings:changed) keep
// them current when the change comes from elsewhere (the tray, a revoked token).
import {
  DEFAULT_SETTINGS,
  type AppErrorInfo,
  type AuthStatus,
  type Settings,
  type SettingsPatch,
} from '@shared/app-schemas'
import type { IpcResult } from '@shared/ipc-contract'
import { api } from '../lib/api'

export class Session {
  auth = $state.raw<AuthStatus | null>(null)
  settings = $state.raw<Settings>(DEFAULT_SETTINGS)
  /** The web preview refused this page: nothing works until the right link is opened. */
  refusal = $state.raw<AppErrorInfo | null>(null)
  /** False while the web preview's event stream is down (the server stopped): what is shown may be old. */
  connected = $state(true)
  /** The first auth:status failed (the app is not answering). */
  startError = $state<string | null>(null)
  busy = $state<'sign-in' | 'demo' | 'sign-out' | null>(null)

  get signedIn(): boolean {
    return this.auth?.state === 'signed-in' || this.auth?.state === 'demo'
  }

  async load(): Promise<void> {
    const [auth, settings] = await Promise.all([
      api.invoke['auth:status'](undefined),
      api.invoke['settings:get'](undefined),
    ])
    if (auth.ok) {
      this.auth = auth.data
      this.startError = null
    } else if (!this.refusal) this.startError = auth.error.message
    if (settings.ok) this.settings = settings.data
  }

  /** Returns the error to show next to the form, or null when the sign-in worked. */
  async signIn(token: string): Promise<AppErrorInfo | null> {
    return this.#authCommand('sign-in', () => api.invoke['auth:sign-in']({ token }))
  }

  async startDemo(): Promise<AppErrorInfo | null> {
    return this.#authCommand('demo', () => api.invoke['auth:start-demo'](undefined))
  }

  async signOut(): Promise<AppErrorInfo | null> {
    return this.#authCommand('sign-out', () => api.invoke['auth:sign-out'](undefined))
  }

  async updateSettings(patch: SettingsPatch): Promise<AppErrorInfo | null> {
    const result = await api.invoke['settings:set'](patch)
    if (!result.ok) return result.error
    this.settings = result.data
    return null
  }

  async #authCommand(
    kind: NonNullable<Session['busy']>,
    run: () => Promise<IpcResult<AuthStatus>>,
  ): Promise<AppErrorInfo | null> {
    this.busy = kind
    try {
      const result = await run()
      if (!result.ok) return result.error
      this.auth = result.data
      return null
    } finally {
      this.busy = null
    }
  }
}
