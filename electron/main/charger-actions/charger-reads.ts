// A charger's detail (connectors) and OCPP log, read on demand and cached per charger with the time they
// were read. A read younger than `freshMs` is answered from the cache without a request (the budget is
// shared with polling); a failed refresh answers the cached copy labelled as such, and fails only when
// there is nothing to show.
import type { ChargerDetailView, LogRequest, LogView } from '@shared/charger-actions-schemas'
import type { PlugchoiceClient } from '../api/plugchoice-client'
import { toAppError } from '../core/app-error'
import { budgetedCall, type CallRules } from './budgeted-call'
import type { ReadsPersistence } from './charger-reads-store'

export const DEFAULT_FRESH_MS = 30_000

export interface ChargerReadsDeps {
  client: PlugchoiceClient
  rules: CallRules
  now: () => number
  freshMs?: number
  /** A detail was read from Plugchoice (not from the cache): the fleet's facts take its connectors in. */
  onDetail?: (view: ChargerDetailView) => void
  /** The offline copy on disk (loaded once, saved after each fresh read). */
  persistence?: ReadsPersistence
  log?: (line: string) => void
}

export class ChargerReads {
  readonly #details = new Map<string, { view: ChargerDetailView; at: number }>()
  readonly #logs = new Map<string, { view: LogView; at: number }>()
  readonly #freshMs: number
  #loaded: Promise<void> | null = null

  constructor(private readonly deps: ChargerReadsDeps) {
    this.#freshMs = deps.freshMs ?? DEFAULT_FRESH_MS
  }

  /** The offline copy, once: what it holds is as old as it says (loadedAt), so a read still asks Plugchoice. */
  #load(): Promise<void> {
    this.#loaded ??= (async () => {
      if (!this.deps.persistence) return
      try {
        const stored = await this.deps.persistence.load()
        for (const view of stored.details)
          if (!this.#details.has(view.uuid)) this.#details.set(view.uuid, { view, at: Date.parse(view.loadedAt) })
        for (const view of stored.logs) {
          const key = logKey(view.uuid, view.method)
          if (!this.#logs.has(key)) this.#logs.set(key, { view, at: Date.parse(view.loadedAt) })
        }
      } catch (error) {
        this.deps.log?.(`the offline copy of charger details could not be read: ${toAppError(error).message}`)
      }
    })()
    return this.#loaded
  }

  #save(): void {
    if (!this.deps.persistence) return
    // Oldest first, so the store's bound keeps the most recently read.
    const byAge = <T extends { at: number }>(map: Map<string, T>) => [...map.values()].sort((a, b) => a.at - b.at)
    const reads = {
      details: byAge(this.#details).map((entry) => ({ ...entry.view, fromCache: false, error: null })),
      logs: byAge(this.#logs).map((entry) => ({ ...entry.view, fromCache: false, error: null })),
    }
    this.deps.persistence.save(reads).catch((error: unknown) => {
      this.deps.log?.(`the offline copy of charger details could not be written: ${toAppError(error).message}`)
    })
  }

  /** The last detail read, without a request (the permission gate and the restart watch use it). */
  cachedDetail(uuid: string): ChargerDetailView | null {
    return this.#details.get(uuid)?.view ?? null
  }

  async detail(uuid: string, refresh = false): Promise<ChargerDetailView> {
    await this.#load()
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
      this.#save()
      this.deps.onDetail?.(view)
      return view
    } catch (error) {
      if (!cached) throw error
      return { ...cached.view, fromCache: true, error: toAppError(error) }
    }
  }

  /** The first page (a new view), or the next page added to the shown one ("Load more"). */
  async log(request: LogRequest): Promise<LogView> {
    await this.#load()
    const method = request.method || null
    const key = logKey(request.uuid, method)
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
      this.#save()
      return view
    } catch (error) {
      if (!cached) throw error
      return { ...cached.view, fromCache: true, error: toAppError(error) }
    }
  }
}

function logKey(uuid: string, method: string | null): string {
  return `${uuid}\u0000${method ?? ''}`
}
