// The web preview's bridge (issue 4): it carries the same contract as Electron IPC, on loopback only, and
// refuses anything that is not the app's own page holding the one-time secret.
import { request as httpRequest } from 'node:http'
import { test, expect } from './fixtures'

function post(origin: string, path: string, init: { headers?: Record<string, string>; body?: string }) {
  return fetch(`${origin}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...init.headers },
    body: init.body ?? '{}',
  })
}

test.describe('web preview bridge', () => {
  test('answers a command with the secret, and refuses one without it', async ({ web }) => {
    const { origin, secret } = web.preview
    const ok = await post(origin, '/ipc/auth:status', { headers: { 'X-Plugfleet-Secret': secret } })
    expect(ok.status).toBe(200)
    expect(await ok.json()).toMatchObject({ ok: true, data: { state: 'signed-out' } })

    const missing = await post(origin, '/ipc/auth:status', {})
    expect(missing.status).toBe(401)
    expect(await missing.json()).toMatchObject({ ok: false, error: { code: 'missing-secret' } })

    const wrong = await post(origin, '/ipc/auth:status', {
      headers: { 'X-Plugfleet-Secret': secret.replace(/.$/, 'x') },
    })
    expect(wrong.status).toBe(401)

    const events = await fetch(`${origin}/ipc/events`)
    expect(events.status).toBe(401)
  })

  test('refuses a foreign Origin and a foreign Host even with the secret', async ({ web }) => {
    const { origin, secret } = web.preview
    const foreign = await post(origin, '/ipc/auth:sign-out', {
      headers: { 'X-Plugfleet-Secret': secret, Origin: 'https://evil.example' },
    })
    expect(foreign.status).toBe(403)
    expect(await foreign.json()).toMatchObject({ ok: false, error: { code: 'forbidden-origin' } })

    // fetch() will not forge a Host header: a raw request does, as a DNS-rebinding page would.
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(origin)
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: '/ipc/auth:status',
          method: 'POST',
          headers: { Host: 'evil.example', 'X-Plugfleet-Secret': secret, 'Content-Type': 'application/json' },
        },
        (res) => {
          res.resume()
          resolve(res.statusCode ?? 0)
        },
      )
      req.on('error', reject)
      req.end('{}')
    })
    expect(status).toBe(403)
  })

  test('refuses malformed and unknown commands before any handler runs', async ({ web }) => {
    const { origin, secret } = web.preview
    const headers = { 'X-Plugfleet-Secret': secret }
    const badPayload = await post(origin, '/ipc/settings:set', {
      headers,
      body: JSON.stringify({ request: { pollIntervalSec: 1 } }),
    })
    expect(await badPayload.json()).toMatchObject({ ok: false, error: { code: 'invalid-request' } })

    const extraField = await post(origin, '/ipc/auth:sign-in', {
      headers,
      body: JSON.stringify({ request: { token: 'x', admin: true } }),
    })
    expect(await extraField.json()).toMatchObject({ ok: false, error: { code: 'invalid-request' } })

    const unknown = await post(origin, '/ipc/shell:exec', { headers, body: JSON.stringify({ request: 'rm -rf /' }) })
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'unknown-command' } })

    const notJson = await post(origin, '/ipc/auth:status', { headers, body: '{"request":' })
    expect(notJson.status).toBe(400)

    // The settings were not touched by the refused request.
    const settings = await post(origin, '/ipc/settings:get', { headers })
    expect(await settings.json()).toMatchObject({ ok: true, data: { pollIntervalSec: 60 } })
  })

  test('serves only the built renderer, never files outside it', async ({ web }) => {
    const { origin } = web.preview
    expect((await fetch(`${origin}/`)).status).toBe(200)
    expect((await fetch(`${origin}/..%2F..%2Fpackage.json`)).status).toBe(404)
    expect((await fetch(`${origin}/%2e%2e/%2e%2e/package.json`)).status).toBe(404)
    expect((await fetch(`${origin}/%E0%A4%A`)).status).toBe(400)
  })
})

test.describe('demo', () => {
  test.use({ startInDemo: true })

  test('shows the simulated demo fleet without a token', async ({ app }) => {
    await expect(app.getByText('240 chargers', { exact: true })).toBeVisible({ timeout: 20_000 })
    await expect(app.getByRole('grid').or(app.getByRole('table')).first()).toBeVisible()
  })
})
