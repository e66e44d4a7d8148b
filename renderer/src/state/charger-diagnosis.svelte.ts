// The detail panel's read-only diagnosis of one charger: its detail (connectors) and OCPP log, asked of main
// when a charger is opened (main caches them with their age and answers from the cache when offline). A
// connector worse than the charger reaches the list through the charger's facts, which main derives.
import type { ChargerDetailView, LogView } from '@shared/charger-actions-schemas'
import { api } from '../lib/api'

export class ChargerDiagnosis {
  detail = $state.raw<ChargerDetailView | null>(null)
  log = $state.raw<LogView | null>(null)
  detailError = $state<string | null>(null)
  logError = $state<string | null>(null)
  loadingDetail = $state(false)
  loadingLog = $state(false)
  method = $state('')
  #uuid: string | null = null

  /** A newly opened charger: what was shown for another one goes at once. */
  open(uuid: string): void {
    if (uuid === this.#uuid) return
    this.#uuid = uuid
    this.detail = null
    this.log = null
    this.method = ''
    void this.loadDetail(false)
    void this.loadLog({})
  }

  async loadDetail(refresh: boolean): Promise<void> {
    const uuid = this.#uuid
    if (!uuid) return
    this.loadingDetail = true
    const result = await api.invoke['charger:detail']({ uuid, refresh })
    if (uuid !== this.#uuid) return
    this.loadingDetail = false
    this.detail = result.ok ? result.data : this.detail
    this.detailError = result.ok ? null : result.error.message
  }

  async loadLog(options: { refresh?: boolean; more?: boolean }): Promise<void> {
    const uuid = this.#uuid
    if (!uuid) return
    const page = options.more ? (this.log?.nextPage ?? undefined) : undefined
    this.loadingLog = true
    const result = await api.invoke['charger:log']({
      uuid,
      ...(this.method ? { method: this.method } : {}),
      ...(page ? { page } : {}),
      ...(options.refresh ? { refresh: true } : {}),
    })
    if (uuid !== this.#uuid) return
    this.loadingLog = false
    this.log = result.ok ? result.data : this.log
    this.logError = result.ok ? null : result.error.message
  }

  filterBy(method: string): void {
    this.method = method
    this.log = null
    void this.loadLog({})
  }
}

export const diagnosis = new ChargerDiagnosis()
