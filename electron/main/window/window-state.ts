// What the main window remembers between runs: its size and position, whether it was maximized, and whether
// the one-time "still running in the tray" hint has been shown. Plain Node, so it is tested here.
import { z } from 'zod'

export const RectangleSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
})
export type Rectangle = z.infer<typeof RectangleSchema>

export const WindowStateSchema = z.object({
  bounds: RectangleSchema.nullable().default(null),
  maximized: z.boolean().default(false),
  closeToTrayHintShown: z.boolean().default(false),
})
export type WindowState = z.infer<typeof WindowStateSchema>
export const DEFAULT_WINDOW_STATE: WindowState = WindowStateSchema.parse({})

export const DEFAULT_WINDOW_SIZE = { width: 1200, height: 800 } as const
export const MIN_WINDOW_SIZE = { width: 640, height: 420 } as const

/** How much of the title bar must lie on a display for the window to count as reachable there. */
const GRAB_WIDTH = 120
const GRAB_HEIGHT = 32

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  }
}

/**
 * Where to open the window: the remembered bounds when the user can still grab its title bar on one of the
 * displays there are now (a monitor unplugged since, a resolution lowered), shrunk to fit that display;
 * otherwise the default size, centred by the window system (no position).
 */
export function placeWindow(
  saved: Rectangle | null,
  workAreas: readonly Rectangle[],
): { x?: number; y?: number; width: number; height: number } {
  if (saved) {
    const titleBar: Rectangle = { x: saved.x, y: saved.y, width: saved.width, height: GRAB_HEIGHT }
    const display = workAreas.find((area) => {
      const seen = overlap(titleBar, area)
      return seen.width >= Math.min(GRAB_WIDTH, saved.width) && seen.height >= Math.min(GRAB_HEIGHT, saved.height)
    })
    if (display) {
      return {
        x: saved.x,
        y: saved.y,
        width: Math.max(MIN_WINDOW_SIZE.width, Math.min(saved.width, display.width)),
        height: Math.max(MIN_WINDOW_SIZE.height, Math.min(saved.height, display.height)),
      }
    }
  }
  return { ...DEFAULT_WINDOW_SIZE }
}
