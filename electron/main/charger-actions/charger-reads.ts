// A charger's detail (connectors) and OCPP log, read on demand and cached per charger with the time they
// were read. A read younger than `freshMs` is answered from the cache without a request (the budget is
// shared with polling); a failed refresh answers the cached copy labelled as such, and fails only when
// there is nothing to show.
import type { ChargerDetailView, LogRequest, LogView } from '@shared/charger-actions-schemas'
import type { PlugchoiceClient } from '../api/plugchoice-client'
import { toAppError } from '../core/app-error'
import { budgetedCall, type CallRules } from './budgeted-call'

export const DEFAULT_FRESH_MS = 30_000

export interface ChargerReadsDeps {
  client: PlugchoiceClient
  rules: CallRules
  now: () => number
  freshMs?: number
}

export class ChargerReads {
  readonly #details = new Map<string, { view: ChargerDetailView; at: number }>()
  readonly #logs = new Map<string, { view: LogView; at: number }>()
  readonly #freshMs: number

  constructor(private readonly deps: ChargerReadsDeps) {
    this.#freshMs = deps.freshMs ?? DEFAULT_FRESH_MS
  }

  /** The last detail read, without a request (the permission gate and the restart watch use it). */
  cachedDetail(uuid: string): ChargerDetailView | null {
    return this.#details.get(uuid)?.view ?? null
  }

  async detail(uuid: string, refresh = false): Promise<ChargerDetailView> {
    const cached = this.#details.get(uuid)
    if (cached && !refresh && this.deps.now() - cached.at < this.#freshMs) return cached.view
    try {
      const detail = await budgetedCall(this.deps.rules, 'read', (signal) =>
        this.deps.client.getChargerDetail(uuid, signal),
      )
      const at = this.deps.now()
      const view: ChargerDetailView = {
        uuid,
        charger: detail.charger,
        connectors: detail.connectors,
        loadedAt: new Date(at).toISOString(),
        fromCache: false,
        error: null,
      }
      this.#details.set(uuid, { view, at })
      return view
    } catch (error) {
      if (!cached) throw error
      return { ...cached.view, fromCache: true, error: toAppError(error) }
    }
  }

  /** The first page (a new view), or the next page added to the shown one ("Load more"). */
  async log(request: LogRequest): Promise<LogView> {
    const method = request.method || null
    const key = `${request.uuid}\u0000${method ?? ''}`
    const cached = this.#logs.get(key)
    const more = request.page !== undefined && request.page > 1
    if (cached && !more && !request.refresh && this.deps.now() - cached.at < this.#freshMs) return cached.view
    try {
      const page = await budgetedCall(this.deps.rules, 'read', (signal) =>
        this.deps.client.getChargerLogs(
          request.uuid,
          { ...(more ? { page: request.page } : {}), ...(method ? { method } : {}) },
          signal,
        ),
      )
      const at = this.deps.now()
      const current = page.meta?.current_page ?? request.page ?? 1
      const earlier = more && cached ? cached.view.entries : []
      const seen = new Set(earlier.map((entry) => String(entry.id)))
      const view: LogView = {
        uuid: request.uuid,
        method,
        entries: [...earlier, ...page.data.filter((entry) => !seen.has(String(entry.id)))],
        methods: page.filter_options?.methods ?? cached?.view.methods ?? [],
        nextPage: page.links?.next ? current + 1 : null,
        loadedAt: new Date(more && cached ? cached.at : at).toISOString(),
        fromCache: false,
        error: null,
      }
      this.#logs.set(key, { view, at: more && cached ? cached.at : at })
      return view
    } catch (error) {
      if (!cached) throw error
      return { ...cached.view, fromCache: true, error: toAppError(error) }
    }
  }
}
