// The committed icon assets: present for every tray image on every platform, decodable, the right sizes,
// shaped differently per status, and exactly what electron/resources/generate-icons.ts draws.
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { PNG } from 'pngjs'
import { describe, expect, it } from 'vitest'
import { readIcns, readIco, ICNS_TYPES } from '../../../electron/resources/icon-containers'
import {
  APP_ICON_ICO_SIZES,
  APP_ICON_PNG_SIZES,
  appIconFiles,
  buildIconAssets,
  outdatedAssets,
} from '../../../electron/resources/generate-icons'
import { trayIconFiles, trayIconPath } from '@main/tray/tray-icon-path'
import { TRAY_IMAGES } from '@main/tray/tray-view'

const resources = resolve(import.meta.dirname, '../../../electron/resources')

function decode(data: Buffer): PNG {
  return PNG.sync.read(data)
}

/** Which pixels are clearly painted (alpha over half): the shape, whatever the colour. */
function mask(png: PNG): boolean[] {
  const out: boolean[] = []
  for (let i = 3; i < png.data.length; i += 4) out.push(png.data[i]! > 127)
  return out
}

describe('tray icon paths', () => {
  it.each(TRAY_IMAGES)('%s has the file each platform loads', (image) => {
    expect(trayIconPath(image, 'darwin', resources)).toBe(join(resources, 'tray', `${image}Template.png`))
    expect(trayIconPath(image, 'win32', resources)).toBe(join(resources, 'tray', `${image}.ico`))
    expect(trayIconPath(image, 'linux', resources)).toBe(join(resources, 'tray', `${image}-32.png`))
    expect(trayIconPath(image, 'freebsd', resources)).toBe(join(resources, 'tray', `${image}-32.png`))
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      expect(existsSync(trayIconPath(image, platform, resources)), `${image} on ${platform}`).toBe(true)
    }
    // macOS loads the @2x file next to the 1x one by its name.
    expect(existsSync(join(resources, 'tray', `${image}Template@2x.png`))).toBe(true)
  })
})

describe('tray icon files', () => {
  for (const image of TRAY_IMAGES) {
    it.each(trayIconFiles(image))(`${image}: $file decodes at its sizes`, ({ file, kind, sizes }) => {
      const data = readFileSync(join(resources, file))
      if (kind === 'ico') {
        const images = readIco(data)
        expect(images.map((entry) => entry.size)).toEqual(sizes)
        for (const entry of images) {
          const png = decode(entry.png)
          expect([png.width, png.height]).toEqual([entry.size, entry.size])
        }
        return
      }
      const png = decode(data)
      expect([png.width, png.height]).toEqual([sizes[0], sizes[0]])
      const painted = mask(png).filter(Boolean).length
      expect(painted, 'a visible shape').toBeGreaterThan(png.width * png.height * 0.25)
      if (kind === 'template') {
        // A template image is black and alpha only: macOS tints it for light and dark menu bars.
        for (let i = 0; i < png.data.length; i += 4) {
          if (png.data[i + 3]! > 0) expect([png.data[i], png.data[i + 1], png.data[i + 2]]).toEqual([0, 0, 0])
        }
      } else {
        // Windows and Linux do not tint: the icon carries its own colour, never plain black.
        let coloured = 0
        for (let i = 0; i < png.data.length; i += 4) {
          if (png.data[i + 3] === 255 && png.data[i]! + png.data[i + 1]! + png.data[i + 2]! > 150) coloured++
        }
        expect(coloured, 'a coloured icon').toBeGreaterThan(png.width * png.height * 0.1)
      }
    })
  }

  it('gives every status its own shape, not only its own colour', () => {
    // Compared on the template images, which have no colour at all.
    const shapes = TRAY_IMAGES.map((image) => ({
      image,
      mask: mask(decode(readFileSync(join(resources, 'tray', `${image}Template@2x.png`)))),
    }))
    for (const a of shapes) {
      for (const b of shapes) {
        if (a.image >= b.image) continue
        const differing = a.mask.filter((value, i) => value !== b.mask[i]).length
        expect(differing, `${a.image} vs ${b.image}`).toBeGreaterThan(32 * 32 * 0.05)
      }
    }
  })
})

describe('app icon', () => {
  it('has the PNGs, an .ico and an .icns with the sizes packaging needs', () => {
    const [png256, png512, ico, icns] = appIconFiles().map((file) => readFileSync(join(resources, file)))
    for (const [data, size] of [
      [png256!, APP_ICON_PNG_SIZES[0]],
      [png512!, APP_ICON_PNG_SIZES[1]],
    ] as const) {
      const png = decode(data)
      expect([png.width, png.height]).toEqual([size, size])
    }
    const icoImages = readIco(ico!)
    expect(icoImages.map((entry) => entry.size)).toEqual([...APP_ICON_ICO_SIZES])
    for (const entry of icoImages) expect(decode(entry.png).width).toBe(entry.size)
    const elements = readIcns(icns!)
    expect(elements.map((element) => element.type)).toEqual(ICNS_TYPES.map(([type]) => type))
    for (const [index, element] of elements.entries()) expect(decode(element.data).width).toBe(ICNS_TYPES[index]![1])
  })
})

describe('generate-icons.ts', () => {
  it('draws exactly the committed files (run it after changing a design)', () => {
    const assets = buildIconAssets()
    expect(assets.map((asset) => asset.file).sort()).toEqual(
      [...TRAY_IMAGES.flatMap((image) => trayIconFiles(image).map((entry) => entry.file)), ...appIconFiles()].sort(),
    )
    expect(outdatedAssets(resources, assets)).toEqual([])
  })
})
