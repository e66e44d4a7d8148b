import { describe, expect, it } from 'vitest'
import { DEFAULT_API_BASE, isSameOrigin, resolveApiBase } from '@main/api/api-base'

describe('resolveApiBase', () => {
  it('uses the real Plugchoice API when nothing is configured', () => {
    expect(resolveApiBase(undefined).href).toBe(DEFAULT_API_BASE)
    expect(resolveApiBase('   ').href).toBe(DEFAULT_API_BASE)
  })

  it('accepts https anywhere and drops a trailing slash', () => {
    expect(resolveApiBase('https://staging.example.com/api/v3/').href).toBe('https://staging.example.com/api/v3')
    expect(resolveApiBase('https://staging.example.com/api/v3//').pathname).toBe('/api/v3')
  })

  it.each([
    'http://127.0.0.1:8080/api/v3',
    'http://127.9.9.9/api/v3',
    'http://localhost:3000/api/v3',
    'http://[::1]:4000/api/v3',
  ])('allows plain http to this machine: %s', (raw) => {
    expect(resolveApiBase(raw).protocol).toBe('http:')
  })

  it.each([
    'http://app.plugchoice.com/api/v3',
    'http://192.168.1.10/api/v3',
    'http://128.0.0.1/api/v3',
    'http://localhost.evil.com/api/v3',
  ])('refuses plain http to another host, saying why: %s', (raw) => {
    expect(() => resolveApiBase(raw)).toThrow(/plain http is only allowed to this machine/)
  })

  it('refuses what is not a usable base with a clear sentence', () => {
    expect(() => resolveApiBase('app.plugchoice.com/api/v3')).toThrow(/is not a URL/)
    expect(() => resolveApiBase('ftp://app.plugchoice.com/api/v3')).toThrow(/must start with https/)
    expect(() => resolveApiBase('https://user:pw@app.plugchoice.com/api/v3')).toThrow(/user name or password/)
    expect(() => resolveApiBase('https://app.plugchoice.com/api/v3?x=1')).toThrow(/query/)
  })

  it('reads PLUGCHOICE_API_BASE by default', () => {
    const saved = process.env.PLUGCHOICE_API_BASE
    process.env.PLUGCHOICE_API_BASE = 'http://127.0.0.1:9/api/v3/'
    try {
      expect(resolveApiBase().href).toBe('http://127.0.0.1:9/api/v3')
    } finally {
      if (saved === undefined) delete process.env.PLUGCHOICE_API_BASE
      else process.env.PLUGCHOICE_API_BASE = saved
    }
  })
})

describe('isSameOrigin', () => {
  const base = new URL('https://app.plugchoice.com/api/v3')
  it('matches only the same scheme, host and port', () => {
    expect(isSameOrigin(new URL('https://app.plugchoice.com/api/v3/chargers?page=2'), base)).toBe(true)
    expect(isSameOrigin(new URL('https://app.plugchoice.com:443/x'), base)).toBe(true)
    expect(isSameOrigin(new URL('http://app.plugchoice.com/api/v3/chargers'), base)).toBe(false)
    expect(isSameOrigin(new URL('https://app.plugchoice.com:8443/api/v3/chargers'), base)).toBe(false)
    expect(isSameOrigin(new URL('https://app.plugchoice.com.evil.com/api/v3/chargers'), base)).toBe(false)
  })
})
