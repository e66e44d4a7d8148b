// "Pause notifications" from the tray: until when each choice lasts, in the user's local time. The choices
// themselves (id, words, hours) are shared constants, so the tray menu and this rule cannot drift apart.
import { PAUSE_CHOICES, type PauseChoice } from '@shared/constants'

export type { PauseChoice }

/** "Until tomorrow" ends at 08:00 local time. */
const TOMORROW_HOUR = 8

export function pauseEnd(choice: PauseChoice | null, now: Date): string | null {
  if (choice === null) return null
  const { hours } = PAUSE_CHOICES.find((entry) => entry.id === choice)!
  if (hours !== null) return new Date(now.getTime() + hours * 3_600_000).toISOString()
  const morning = new Date(now)
  morning.setDate(morning.getDate() + 1)
  morning.setHours(TOMORROW_HOUR, 0, 0, 0)
  return morning.toISOString()
}
