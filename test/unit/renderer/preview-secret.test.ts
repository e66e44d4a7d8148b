import { describe, expect, it } from 'vitest'
import { SECRET_STORAGE_KEY, takePreviewSecret } from '@renderer/transport/web/preview-secret'

function sources(hash: string, stored: string | null = null) {
  const storage = new Map<string, string>(stored ? [[SECRET_STORAGE_KEY, stored]] : [])
  const urls: string[] = []
  return {
    storage,
    urls,
    input: {
      location: { hash, pathname: '/', search: '' },
      storage: {
        getItem: (k: string) => storage.get(k) ?? null,
        setItem: (k: string, v: string) => void storage.set(k, v),
      },
      history: {
        state: null,
        replaceState: (_s: unknown, _t: string, url?: string | null) => void urls.push(String(url)),
      },
    },
  }
}

describe('the web preview secret', () => {
  it('is taken from the fragment, kept for this tab and removed from the address bar', () => {
    const s = sources('#secret=0123456789abcdef0123456789abcdef')
    expect(takePreviewSecret(s.input)).toBe('0123456789abcdef0123456789abcdef')
    expect(s.storage.get(SECRET_STORAGE_KEY)).toBe('0123456789abcdef0123456789abcdef')
    expect(s.urls).toEqual(['/'])
  })

  it('survives a reload of the tab (no fragment any more)', () => {
    const s = sources('', 'abcdefabcdefabcdef')
    expect(takePreviewSecret(s.input)).toBe('abcdefabcdefabcdef')
    expect(s.urls).toEqual([])
  })

  it('refuses something that is not a secret, and still clears it from the address bar', () => {
    const s = sources('#secret=<script>')
    expect(takePreviewSecret(s.input)).toBeNull()
    expect(s.urls).toEqual(['/'])
  })
})
