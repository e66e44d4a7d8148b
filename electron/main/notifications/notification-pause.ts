// "Pause notifications" from the tray: until when each choice lasts, in the user's local time.
export const PAUSE_CHOICES = ['hour', 'four-hours', 'tomorrow'] as const
export type PauseChoice = (typeof PAUSE_CHOICES)[number]

const PAUSE_HOURS = { hour: 1, 'four-hours': 4 } as const
/** "Until tomorrow" ends at 08:00 local time. */
const TOMORROW_HOUR = 8

export function pauseEnd(choice: PauseChoice | null, now: Date): string | null {
  if (choice === null) return null
  if (choice === 'tomorrow') {
    const morning = new Date(now)
    morning.setDate(morning.getDate() + 1)
    morning.setHours(TOMORROW_HOUR, 0, 0, 0)
    return morning.toISOString()
  }
  return new Date(now.getTime() + PAUSE_HOURS[choice] * 3_600_000).toISOString()
}
