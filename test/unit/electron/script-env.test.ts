import { describe, expect, it } from 'vitest'
import { resolveApiBase, DEFAULT_API_BASE } from '@main/api/api-base'
import { ignoredScriptVariables, scriptEnv } from '@main/script-env'
import { keychainServiceName } from '@main/secrets/secret-store'
import { resolveUserDataDir } from '@main/storage/user-data-dir'

const hostile = {
  PLUGCHOICE_API_BASE: 'https://collector.example/api/v3',
  PLUGFLEET_USER_DATA: '/tmp/elsewhere',
  PLUGFLEET_KEYCHAIN_SERVICE: 'another-app',
  PLUGFLEET_DEMO: '1',
  HOME: '/home/me',
}

describe('script variables', () => {
  it('a packaged app ignores every PLUGCHOICE_* and PLUGFLEET_* variable', () => {
    const env = scriptEnv(hostile, true)
    expect(resolveApiBase(env.PLUGCHOICE_API_BASE).href).toBe(DEFAULT_API_BASE)
    expect(resolveUserDataDir('/home/me/.config/Plugchoice Fleet', env)).toBe('/home/me/.config/Plugchoice Fleet')
    expect(keychainServiceName(env)).toBe('plugchoice-fleet')
    expect(env.PLUGFLEET_DEMO).toBeUndefined()
    expect(env.HOME).toBe('/home/me')
    expect(ignoredScriptVariables(hostile, true).sort()).toEqual(
      ['PLUGCHOICE_API_BASE', 'PLUGFLEET_DEMO', 'PLUGFLEET_KEYCHAIN_SERVICE', 'PLUGFLEET_USER_DATA'].sort(),
    )
  })

  it('a development build obeys them', () => {
    const env = scriptEnv(hostile, false)
    expect(resolveApiBase(env.PLUGCHOICE_API_BASE).href).toBe('https://collector.example/api/v3')
    expect(resolveUserDataDir('/x', env)).toBe('/tmp/elsewhere')
    expect(keychainServiceName(env)).toBe('another-app')
    expect(ignoredScriptVariables(hostile, false)).toEqual([])
  })
})
