import { describe, expect, it } from 'vitest'
import { dispatchCommand, type CommandHandlers } from '@main/ipc/command-dispatch'
import { AppError } from '@main/core/app-error'
import { DEFAULT_SETTINGS, type SettingsPatch } from '@shared/app-schemas'

function handlers(overrides: Partial<CommandHandlers> = {}): CommandHandlers {
  const refuse = async () => {
    throw new Error('not in this test')
  }
  return new Proxy(overrides as CommandHandlers, {
    get: (target, key) => (target as Record<string, unknown>)[key as string] ?? refuse,
  })
}

describe('dispatchCommand', () => {
  it('refuses an unknown command without running anything', async () => {
    expect(await dispatchCommand(handlers(), 'shell:exec', 'rm -rf /')).toEqual({
      ok: false,
      error: { code: 'unknown-command', message: expect.any(String) },
    })
  })

  it('refuses a request that breaks the contract before the handler runs', async () => {
    let ran = false
    const h = handlers({ 'settings:set': async () => ((ran = true), DEFAULT_SETTINGS) })
    const result = await dispatchCommand(h, 'settings:set', { pollIntervalSec: 5 })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: expect.stringContaining('pollIntervalSec') },
    })
    expect(await dispatchCommand(h, 'settings:set', { notASetting: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    })
    expect(ran).toBe(false)
  })

  it('hands the handler only the settings the renderer changed, so the others are not reset', async () => {
    let received: SettingsPatch | null = null
    const h = handlers({ 'settings:set': async (patch) => ((received = patch), DEFAULT_SETTINGS) })
    await dispatchCommand(h, 'settings:set', { startAtLogin: true })
    expect(received).toEqual({ startAtLogin: true })
  })

  it('passes an AppError on as code and message, and hides anything else', async () => {
    const failing = handlers({
      'auth:sign-in': async () => {
        throw new AppError('token-rejected', 'Plugchoice rejected this token.')
      },
      'auth:status': async () => {
        throw new Error('ENOENT: /home/someone/.config/secret/path')
      },
    })
    expect(await dispatchCommand(failing, 'auth:sign-in', { token: 'x' })).toEqual({
      ok: false,
      error: { code: 'token-rejected', message: 'Plugchoice rejected this token.' },
    })
    const hidden = await dispatchCommand(failing, 'auth:status', undefined)
    expect(hidden).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(JSON.stringify(hidden)).not.toContain('/home/someone')
  })

  it('checks the answer too: a main-process bug cannot hand the renderer a wrong shape', async () => {
    const buggy = handlers({ 'settings:get': async () => ({ pollIntervalSec: 'soon' }) as never })
    expect(await dispatchCommand(buggy, 'settings:get', undefined)).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    })
  })
})
