// The drawings: one tray glyph per TrayImage and the app icon. A status is never colour alone, so every
// tray image has its own shape; the macOS template variant is the same shape in black with the glyph cut out.
//   ok          disc with a charging bolt
//   attention   warning triangle with "!"
//   problem     stop-sign octagon with "×"
//   stale       disc with clock hands (the data is from an earlier time)
//   signed-out  hollow ring with a dash (nobody is signed in)
//   paused      disc with pause bars
import type { TrayImage } from '@main/tray/tray-view'
import {
  capsule,
  circle,
  hex,
  linearGradient,
  polygon,
  regularPolygon,
  ring,
  roundedRect,
  union,
  type Layer,
  type Rgba,
  type Sdf,
} from './icon-raster'

/** Tray glyphs are drawn on a 16-unit grid (one unit = one pixel at 16 px). */
export const TRAY_DESIGN_SIZE = 16
/** The app icon is drawn on Apple's 1024-unit grid (824-unit body, 100 units of margin). */
export const APP_DESIGN_SIZE = 1024

const WHITE = hex('#ffffff')
const BLACK = hex('#000000')

interface TrayGlyph {
  /** The body: a filled or hollow outline. */
  body: Sdf
  /** The mark on the body: white (or dark) on the coloured icon, cut out of the template. */
  mark: Sdf | null
  color: Rgba
  markColor: Rgba
}

const BOLT_16: ReadonlyArray<readonly [number, number]> = [
  [9.3, 2.4],
  [4.5, 9.0],
  [7.5, 9.0],
  [6.7, 13.6],
  [11.5, 7.0],
  [8.5, 7.0],
]

const disc = circle(8, 8, 7.5)

const GLYPHS: Record<TrayImage, TrayGlyph> = {
  ok: { body: disc, mark: polygon(BOLT_16, 0.15), color: hex('#16a34a'), markColor: WHITE },
  attention: {
    body: regularPolygon(8, 9.9, 7.6, 3, -Math.PI / 2, 1),
    mark: union(capsule(8, 6.3, 8, 9.9, 2), circle(8, 12.6, 1.1)),
    color: hex('#f59e0b'),
    markColor: hex('#1f2937'),
  },
  problem: {
    body: regularPolygon(8, 8, 7.3, 8, Math.PI / 8, 0.4),
    mark: union(capsule(5.4, 5.4, 10.6, 10.6, 2), capsule(10.6, 5.4, 5.4, 10.6, 2)),
    color: hex('#dc2626'),
    markColor: WHITE,
  },
  stale: {
    body: disc,
    mark: union(capsule(8, 8.2, 8, 3.6, 1.7), capsule(8, 8.2, 10.9, 10.1, 1.7)),
    color: hex('#64748b'),
    markColor: WHITE,
  },
  'signed-out': {
    body: ring(8, 8, 6.5, 1.9),
    mark: capsule(5.2, 8, 10.8, 8, 2),
    color: hex('#7c8591'),
    markColor: hex('#7c8591'),
  },
  paused: {
    body: disc,
    mark: union(roundedRect(4.9, 4.4, 7.1, 11.6, 0.6), roundedRect(8.9, 4.4, 11.1, 11.6, 0.6)),
    color: hex('#2563eb'),
    markColor: WHITE,
  },
}

/** The coloured tray icon (Windows, Linux). */
export function trayLayers(image: TrayImage): Layer[] {
  const glyph = GLYPHS[image]
  const layers: Layer[] = [{ shape: glyph.body, paint: glyph.color }]
  if (glyph.mark) layers.push({ shape: glyph.mark, paint: glyph.markColor })
  return layers
}

/** The macOS template: black and alpha only; the mark is cut out of the body (or drawn, on a hollow body). */
export function trayTemplateLayers(image: TrayImage): Layer[] {
  const glyph = GLYPHS[image]
  const layers: Layer[] = [{ shape: glyph.body, paint: BLACK }]
  if (!glyph.mark) return layers
  const hollow = glyph.body(8, 8) > 0
  layers.push({ shape: glyph.mark, paint: hollow ? BLACK : 'erase' })
  return layers
}

/** At or below this pixel size the app icon drops its ring and fills its square: fine lines turn to mush. */
export const APP_ICON_SMALL_MAX = 48

/** The app icon: a rounded square in teal to green with a charging bolt in a white ring. */
export function appIconLayers(pixelSize: number): Layer[] {
  const gradient = linearGradient(100, 100, hex('#0e7490'), 924, 924, hex('#16a34a'))
  const boltAt = (scale: number) =>
    polygon(
      BOLT_16.map(([x, y]) => [512 + (x - 8) * 64 * scale, 512 + (y - 8) * 64 * scale] as const),
      6 / scale,
    )
  if (pixelSize <= APP_ICON_SMALL_MAX) {
    return [
      { shape: roundedRect(32, 32, 992, 992, 200), paint: gradient },
      { shape: boltAt(0.95), paint: WHITE },
    ]
  }
  return [
    // A soft shadow under the body, as macOS icons have.
    { shape: roundedRect(100, 112, 924, 936, 185), paint: hex('#000000', 0.18) },
    { shape: roundedRect(100, 100, 924, 924, 185), paint: gradient },
    { shape: ring(512, 512, 292, 44), paint: hex('#ffffff', 0.92) },
    { shape: boltAt(0.62), paint: WHITE },
  ]
}
