// How the simulated API writes an answer: JSON (or the HTML an upstream proxy sends), Laravel's error
// messages per status, and a 429 that always says when to come back.
import type { ServerResponse } from 'node:http'

const MESSAGES: Record<number, string> = {
  400: 'Bad Request.',
  401: 'Unauthenticated.',
  403: 'This action is unauthorized.',
  404: 'Not Found.',
  422: 'The given data was invalid.',
  429: 'Too Many Attempts.',
  500: 'Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
}

export function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  const type = text.trimStart().startsWith('<') ? 'text/html; charset=UTF-8' : 'application/json'
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-cache, private', ...headers })
  res.end(text)
}

export function sendError(
  res: ServerResponse,
  status: number,
  headers: Record<string, string> = {},
  body?: string,
): void {
  if (status === 429 && !('Retry-After' in headers)) headers = { ...headers, 'Retry-After': '1' }
  send(res, status, body ?? { message: MESSAGES[status] ?? `HTTP ${status}` }, headers)
}
