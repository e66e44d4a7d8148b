// The accessibility scan of the end-to-end tests: axe-core over the page as it is, WCAG 2.1 A and AA rules,
// and only what blocks or seriously hinders someone (serious, critical) fails a test, listed by rule and node.
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

// The colour rules alone, for a second look at a screen already scanned in the other colour scheme.
const COLOUR_RULES = ['color-contrast', 'link-in-text-block']

export async function seriousViolations(page: Page, options: { colourOnly?: boolean } = {}): Promise<string[]> {
  const builder = new AxeBuilder({ page })
  const result = await (
    options.colourOnly
      ? builder.withRules(COLOUR_RULES)
      : builder.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
  ).analyze()
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')} — ${node.failureSummary ?? ''}`),
    )
}
