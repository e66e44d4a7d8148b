// One shared "now" for every relative time on screen ("3 min ago"), so rows re-render together on a tick
// instead of each keeping a timer. 15 s is fine-grained enough for minute-resolution text.
const TICK_MS = 15_000

class Clock {
  now = $state(Date.now())

  constructor() {
    setInterval(() => (this.now = Date.now()), TICK_MS)
    // A window coming back from the background (or the machine from sleep) must not show old ages.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') this.now = Date.now()
    })
  }
}

export const clock = new Clock()
