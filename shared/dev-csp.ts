// In development only, Vite injects the CSS it serves as <style> elements, so the page's own CSP (the <meta> in
// renderer/index.html, and the header the Electron session adds) must allow inline styles on the dev server, or
// `npm run dev` shows an unstyled window: a <meta> policy applies next to any header, and the stricter wins.
// A style cannot run code; scripts stay 'self' only. The built app never gets this.
const STRICT_STYLES = "style-src 'self'"
const DEV_SERVER_STYLES = "style-src 'self' 'unsafe-inline'"

/** The policy for pages served by the Vite dev server. */
export function devServerPolicy(policy: string): string {
  if (!policy.includes(STRICT_STYLES)) throw new Error(`The CSP has no "${STRICT_STYLES}" to relax: ${policy}`)
  return policy.replace(STRICT_STYLES, DEV_SERVER_STYLES)
}
