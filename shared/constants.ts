// Names and numbers the whole app agrees on, defined once: main, the tray, the web preview and the window
// import them from here rather than spelling them again.

/** The product's name as people see it: window title, tray tooltip and menu, the user-data folder. */
export const PRODUCT_NAME = 'Plugchoice Fleet'

/** The shortest poll interval a user may choose (the settings schema enforces it, the scheduler too). */
export const MIN_POLL_INTERVAL_SEC = 15

/** The header that carries the web preview's one-time secret (HTTP header names are case-insensitive). */
export const PREVIEW_SECRET_HEADER = 'x-plugfleet-secret'

/** How long notifications can be paused for, as the tray offers it; `hours` null means "until 8:00 tomorrow". */
export const PAUSE_CHOICES = [
  { id: 'hour', label: 'For 1 hour', hours: 1 },
  { id: 'four-hours', label: 'For 4 hours', hours: 4 },
  { id: 'tomorrow', label: 'Until tomorrow', hours: null },
] as const
export type PauseChoice = (typeof PAUSE_CHOICES)[number]['id']

/**
 * The window has been "away" when it was hidden or lost focus for longer than this, or the app started again:
 * coming back, the window offers "Since you last looked" at once.
 */
export const AWAY_AFTER_MIN = 10
