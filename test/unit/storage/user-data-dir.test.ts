import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveUserDataDir } from '@main/storage/user-data-dir'

describe('resolveUserDataDir', () => {
  it('uses PLUGFLEET_USER_DATA when it is set', () => {
    expect(
      resolveUserDataDir('/home/ada/.config/Plugchoice Fleet', { PLUGFLEET_USER_DATA: '/tmp/fleet-profile' }),
    ).toBe(resolve('/tmp/fleet-profile'))
  })

  it('falls back to the platform folder when it is unset or blank', () => {
    const fallback = '/home/ada/.config/Plugchoice Fleet'
    expect(resolveUserDataDir(fallback, {})).toBe(resolve(fallback))
    expect(resolveUserDataDir(fallback, { PLUGFLEET_USER_DATA: '  ' })).toBe(resolve(fallback))
  })

  it('makes a relative override absolute, so the app does not depend on its working folder', () => {
    expect(resolveUserDataDir('/x', { PLUGFLEET_USER_DATA: 'profile' })).toBe(resolve('profile'))
  })
})
