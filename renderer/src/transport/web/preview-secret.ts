// The web preview's one-time secret arrives in the URL fragment (`#secret=<hex>`), which is never sent to a
// server or written to its logs. It is moved to sessionStorage (survives a reload of this tab, not a new tab)
// and removed from the address bar so it is not bookmarked, shared in a screenshot or kept in history.

export const SECRET_STORAGE_KEY = 'plugfleet-secret'

const SECRET_PATTERN = /^[0-9a-f]{16,256}$/i

// Structural slices of Location, Storage and History: enough to test this without a DOM.
export interface SecretSources {
  location: { hash: string; pathname: string; search: string }
  storage: { getItem(key: string): string | null; setItem(key: string, value: string): void } | null
  history: { state: unknown; replaceState(data: unknown, unused: string, url?: string | null): void }
}

export function takePreviewSecret({ location, storage, history }: SecretSources): string | null {
  const fromFragment = new URLSearchParams(location.hash.replace(/^#/, '')).get('secret')
  if (fromFragment !== null) {
    history.replaceState(history.state, '', `${location.pathname}${location.search}`)
    if (SECRET_PATTERN.test(fromFragment)) {
      try {
        storage?.setItem(SECRET_STORAGE_KEY, fromFragment)
      } catch {
        // Storage disabled: the secret still works until this page is reloaded.
      }
      return fromFragment
    }
  }
  let stored: string | null
  try {
    stored = storage?.getItem(SECRET_STORAGE_KEY) ?? null
  } catch {
    stored = null
  }
  return stored !== null && SECRET_PATTERN.test(stored) ? stored : null
}
