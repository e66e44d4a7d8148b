// Where each tray image lives for each platform's convention. Plain Node: the Electron tray adapter calls
// trayIconPath, electron/resources/generate-icons.ts writes exactly the files trayIconFiles names.
//   macOS   <image>Template.png (16 px) + <image>Template@2x.png (32 px): black + alpha, so the menu bar
//           tints them for light and dark mode; Electron picks up the @2x file next to the 1x one by itself.
//   Windows <image>.ico with 16, 24 and 32 px (100 %, 150 %, 200 % scaling), coloured.
//   Linux   <image>-32.png, coloured: indicator hosts scale it down to their panel size (16–24 px).
import { join } from 'node:path'
import type { TrayImage } from './tray-view'

export const TRAY_DIR = 'tray'
export const TRAY_PNG_SIZES = [16, 32] as const
export const TRAY_ICO_SIZES = [16, 24, 32] as const
export const TRAY_TEMPLATE_SIZES = { '': 16, '@2x': 32 } as const

export interface TrayIconFile {
  /** Relative to the resources folder. */
  file: string
  kind: 'png' | 'template' | 'ico'
  /** Pixel size of a PNG; the sizes inside an .ico. */
  sizes: number[]
}

/** Every file the tray needs for one image, on every platform. */
export function trayIconFiles(image: TrayImage): TrayIconFile[] {
  return [
    ...TRAY_PNG_SIZES.map((size) => ({
      file: join(TRAY_DIR, `${image}-${size}.png`),
      kind: 'png' as const,
      sizes: [size],
    })),
    ...Object.entries(TRAY_TEMPLATE_SIZES).map(([suffix, size]) => ({
      file: join(TRAY_DIR, `${image}Template${suffix}.png`),
      kind: 'template' as const,
      sizes: [size],
    })),
    { file: join(TRAY_DIR, `${image}.ico`), kind: 'ico', sizes: [...TRAY_ICO_SIZES] },
  ]
}

export function trayIconPath(image: TrayImage, platform: NodeJS.Platform, resourcesDir: string): string {
  switch (platform) {
    case 'darwin':
      return join(resourcesDir, TRAY_DIR, `${image}Template.png`)
    case 'win32':
      return join(resourcesDir, TRAY_DIR, `${image}.ico`)
    default:
      return join(resourcesDir, TRAY_DIR, `${image}-32.png`)
  }
}
