// Generates every icon the app ships: tray images for each platform's convention (see
// electron/main/tray/tray-icon-path.ts) and the app icon (PNG, .ico, .icns). Pure JS, so it runs anywhere.
//
//   npx tsx electron/resources/generate-icons.ts           write the files under electron/resources/
//   npx tsx electron/resources/generate-icons.ts --check   exit 1 if a committed file differs from the drawing
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { PNG } from 'pngjs'
import { trayIconFiles } from '@main/tray/tray-icon-path'
import { TRAY_IMAGES } from '@main/tray/tray-view'
import { encodeIco, encodeIcns, encodePng, ICNS_TYPES, readIcns, readIco } from './icon-containers'
import { APP_DESIGN_SIZE, TRAY_DESIGN_SIZE, appIconLayers, trayLayers, trayTemplateLayers } from './icon-designs'
import { rasterize, type Layer } from './icon-raster'

export const RESOURCES_DIR = dirname(fileURLToPath(import.meta.url))
export const APP_ICON_DIR = 'icons'
export const APP_ICON_PNG_SIZES = [256, 512] as const
export const APP_ICON_ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const

export interface IconAsset {
  /** Relative to the resources folder. */
  file: string
  data: Buffer
}

function pngOf(layers: Layer[], designSize: number, size: number): Buffer {
  return encodePng(rasterize(layers, designSize, size), size)
}

export function appIconFiles(): string[] {
  return [
    ...APP_ICON_PNG_SIZES.map((size) => join(APP_ICON_DIR, `icon-${size}.png`)),
    join(APP_ICON_DIR, 'icon.ico'),
    join(APP_ICON_DIR, 'icon.icns'),
  ]
}

/** Every asset, drawn in memory. */
export function buildIconAssets(): IconAsset[] {
  const assets: IconAsset[] = []
  for (const image of TRAY_IMAGES) {
    for (const { file, kind, sizes } of trayIconFiles(image)) {
      if (kind === 'ico') {
        const images = sizes.map((size) => ({ size, png: pngOf(trayLayers(image), TRAY_DESIGN_SIZE, size) }))
        assets.push({ file, data: encodeIco(images) })
      } else {
        const layers = kind === 'template' ? trayTemplateLayers(image) : trayLayers(image)
        assets.push({ file, data: pngOf(layers, TRAY_DESIGN_SIZE, sizes[0]!) })
      }
    }
  }

  const appSizes = new Set<number>([
    ...APP_ICON_PNG_SIZES,
    ...APP_ICON_ICO_SIZES,
    ...ICNS_TYPES.map(([, size]) => size),
  ])
  const app = new Map([...appSizes].map((size) => [size, pngOf(appIconLayers(size), APP_DESIGN_SIZE, size)]))
  const [png256, png512, ico, icns] = appIconFiles() as [string, string, string, string]
  assets.push({ file: png256, data: app.get(256)! })
  assets.push({ file: png512, data: app.get(512)! })
  assets.push({ file: ico, data: encodeIco(APP_ICON_ICO_SIZES.map((size) => ({ size, png: app.get(size)! }))) })
  assets.push({ file: icns, data: encodeIcns(app) })
  return assets
}

/** The decoded pixels of every image inside an asset, so a comparison does not depend on zlib's bytes. */
export function assetPixels(file: string, data: Buffer): Buffer[] {
  const decode = (png: Buffer) => PNG.sync.read(png).data
  if (file.endsWith('.png')) return [decode(data)]
  if (file.endsWith('.ico')) return readIco(data).map((image) => decode(image.png))
  if (file.endsWith('.icns')) return readIcns(data).map((element) => decode(element.data))
  throw new Error(`unknown icon container: ${file}`)
}

/** The assets whose committed file is missing or differs, pixel for pixel, from the drawing. */
export function outdatedAssets(resourcesDir = RESOURCES_DIR, assets = buildIconAssets()): string[] {
  return assets
    .filter(({ file, data }) => {
      let committed: Buffer
      try {
        committed = readFileSync(join(resourcesDir, file))
      } catch {
        return true
      }
      const want = assetPixels(file, data)
      const have = assetPixels(file, committed)
      return want.length !== have.length || want.some((pixels, i) => !samePixels(pixels, have[i]!))
    })
    .map(({ file }) => file)
}

/**
 * Equal up to one step of rounding: another Node's last-bit difference in Math.hypot must not make the
 * committed icons "outdated". The colour of a nearly transparent pixel is not compared: nobody can see it.
 */
function samePixels(a: Buffer, b: Buffer): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i += 4) {
    if (Math.abs(a[i + 3]! - b[i + 3]!) > 1) return false
    if (a[i + 3]! <= 8) continue
    for (let c = 0; c < 3; c++) if (Math.abs(a[i + c]! - b[i + c]!) > 2) return false
  }
  return true
}

function main(args: string[]): number {
  const assets = buildIconAssets()
  if (args.includes('--check')) {
    const outdated = outdatedAssets(RESOURCES_DIR, assets)
    if (outdated.length === 0) {
      console.log(`icons: all ${assets.length} files match their drawings`)
      return 0
    }
    console.error(`icons: out of date (run npx tsx electron/resources/generate-icons.ts): ${outdated.join(', ')}`)
    return 1
  }
  for (const { file, data } of assets) {
    const path = join(RESOURCES_DIR, file)
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, data)
  }
  console.log(`icons: wrote ${assets.length} files under ${relative(process.cwd(), RESOURCES_DIR) || '.'}`)
  return 0
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1])
  process.exitCode = main(process.argv.slice(2))
