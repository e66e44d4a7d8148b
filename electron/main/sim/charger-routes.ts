// The simulator's one-charger routes, after authentication and the rate limit: the detail with connectors,
// the OCPP log (paginated, filtered), restart, and bulk runs. Answers as data; simulated-api.ts sends them.
import { connectorsOf, type ChargerLogs } from './charger-detail-sim'
import type { CommandSim, SimAnswer } from './charger-commands-sim'
import type { Charger } from '@shared/plugchoice-schemas'

export interface ChargerRouteDeps {
  get(uuid: string): Charger | undefined
  logs: ChargerLogs
  commands: CommandSim
  /** `origin + pathname` of a page link. */
  pageLink(url: URL, page: number): string
}

const NOT_FOUND: SimAnswer = { status: 404, body: { message: 'No query results for model [App\\Models\\Charger].' } }
/** A pincode as the real API sends it with the sensitive permission: the app must drop it. */
const PINCODE = '4711'

/** `rest` is the path after `/api/v3/chargers/`. Null when no route here matches. */
export function isChargerRoute(method: string, rest: string): boolean {
  const parts = rest.split('/')
  if (parts[0] === 'commands' && parts[1] === 'bulk') return parts.length === 2 ? method === 'POST' : parts.length === 3
  if (parts.length === 1) return method === 'GET'
  if (parts.length === 2 && parts[1] === 'logs') return method === 'GET'
  return parts.length === 3 && parts[1] === 'actions' && parts[2] === 'restart' && method === 'POST'
}

export async function answerChargerRoute(
  deps: ChargerRouteDeps,
  method: string,
  rest: string,
  url: URL,
  body: unknown,
): Promise<SimAnswer> {
  const parts = rest.split('/').map((part) => decodeURIComponent(part))
  if (parts[0] === 'commands' && parts[1] === 'bulk') {
    return parts.length === 2 ? deps.commands.startBulk(body) : deps.commands.bulkRun(parts[2] as string)
  }
  const charger = deps.get(parts[0] as string)
  if (!charger) return NOT_FOUND
  const chargerId = charger.id ?? 0
  if (parts.length === 1) {
    const data = charger.permissions?.sensitive ? { ...charger, pincode: PINCODE } : charger
    return { status: 200, body: { data, connectors: connectorsOf(charger, chargerId) } }
  }
  if (parts[1] === 'logs') {
    const page = Number(url.searchParams.get('page') ?? '1')
    const method = url.searchParams.get('filter[method]')
    const result = deps.logs.page(charger, chargerId, {
      page: Number.isInteger(page) && page >= 1 ? page : 1,
      method: method || null,
      hideInsignificant: url.searchParams.get('filter[hide_insignificant]') === '1',
    })
    return {
      status: 200,
      body: {
        data: result.entries,
        links: {
          first: deps.pageLink(url, 1),
          last: null,
          prev: page > 1 ? deps.pageLink(url, page - 1) : null,
          next: result.hasMore ? deps.pageLink(url, page + 1) : null,
        },
        meta: { current_page: page, per_page: 25, path: deps.pageLink(url, 1).split('?')[0] },
        filter_options: { methods: result.methods },
      },
    }
  }
  return deps.commands.restart(charger.uuid)
}
