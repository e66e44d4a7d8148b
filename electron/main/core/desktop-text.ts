// Charger text (identity, reference, error_info…) is data from another party; this is what it becomes before
// it leaves the window for the desktop: notifications and tray menus. Newlines, other control characters and
// bidi overrides can make one line pretend to be another ("Depot 3 is back online" from a name holding U+202E
// or a newline), and on Linux the notification server renders the body as markup (<a href>, <img>:
// https://specifications.freedesktop.org/notification-spec/latest/markup.html), so there it is escaped too.
import { capText } from '@shared/record-bounds'

/** Longest notification title, body and tray label kept (most shells cut far earlier). */
export const MAX_NOTIFICATION_TITLE = 120
export const MAX_NOTIFICATION_BODY = 400
export const MAX_MENU_LABEL = 80
export const MAX_TOOLTIP = 120

// C0 and C1 controls and DEL; bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069), the
// implicit marks (U+200E, U+200F, U+061C), and the line and paragraph separators U+2028/2029.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]+/g

/** One line of plain text: unsafe characters become a space, runs of spaces one, then cut to `max`. */
export function plainLine(text: string, max: number): string {
  return capText(text.replace(UNSAFE, ' ').replace(/ {2,}/g, ' ').trim(), max)
}

/** Markup a freedesktop notification server would render, as literal text. */
export function escapeMarkup(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
}

/** A notification's title and body as the desktop of `platform` must receive them. */
export function notificationText(
  spec: { title: string; body: string },
  platform: NodeJS.Platform,
): { title: string; body: string } {
  const title = plainLine(spec.title, MAX_NOTIFICATION_TITLE)
  const body = plainLine(spec.body, MAX_NOTIFICATION_BODY)
  // Only the body is markup; the summary (title) is shown as it is.
  return { title, body: platform === 'linux' ? escapeMarkup(body) : body }
}
