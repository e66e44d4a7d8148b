// The tests' Chromium: the one named by CHROMIUM_PATH, else the system's, else Playwright's own (undefined).
import { existsSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { chromiumExecutable } from '../../chromium-path'

const saved = process.env.CHROMIUM_PATH
afterEach(() => {
  if (saved === undefined) delete process.env.CHROMIUM_PATH
  else process.env.CHROMIUM_PATH = saved
})

describe('the Chromium the tests start', () => {
  it('is the one CHROMIUM_PATH names', () => {
    process.env.CHROMIUM_PATH = '/opt/chromium/chrome'
    expect(chromiumExecutable()).toBe('/opt/chromium/chrome')
  })

  it('is the system’s where there is one, else Playwright’s own', () => {
    process.env.CHROMIUM_PATH = '  '
    expect(chromiumExecutable()).toBe(existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)
  })
})
