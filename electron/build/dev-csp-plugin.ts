// A Vite plugin for the dev server only (`apply: 'serve'`): relaxes the CSP <meta> of renderer/index.html for
// the inline styles Vite injects in development (shared/dev-csp.ts). `electron-vite build` never runs it.
import type { Plugin } from 'vite'
import { devServerPolicy } from '../../shared/dev-csp'

const META = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]+)(")/

export function devServerCsp(): Plugin {
  return {
    name: 'plugfleet-dev-server-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      if (!META.test(html)) throw new Error('renderer/index.html has no Content-Security-Policy <meta> to relax')
      return html.replace(
        META,
        (_all, start: string, policy: string, end: string) => start + devServerPolicy(policy) + end,
      )
    },
  }
}
