// Image containers the icons ship in, written by hand because each is a few lines: PNG (pngjs), Windows
// .ico and macOS .icns. Both .ico and .icns may hold PNG-compressed images (Windows Vista+, macOS 10.7+),
// so the same PNG bytes go inside all three.
import { PNG } from 'pngjs'

export function encodePng(rgba: Uint8Array, size: number): Buffer {
  const png = new PNG({ width: size, height: size, colorType: 6, inputHasAlpha: true })
  Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength).copy(png.data)
  return PNG.sync.write(png, { colorType: 6, deflateLevel: 9 })
}

/** An .ico (ICONDIR + ICONDIRENTRY per image, then the PNG bytes), images given smallest first. */
export function encodeIco(images: ReadonlyArray<{ size: number; png: Buffer }>): Buffer {
  const header = Buffer.alloc(6)
  header.writeUInt16LE(0, 0) // reserved
  header.writeUInt16LE(1, 2) // type: icon
  header.writeUInt16LE(images.length, 4)
  const entries: Buffer[] = []
  let offset = 6 + 16 * images.length
  for (const { size, png } of images) {
    if (size > 256) throw new Error(`an .ico image cannot be larger than 256 px (got ${size})`)
    const entry = Buffer.alloc(16)
    entry.writeUInt8(size === 256 ? 0 : size, 0) // width; 0 means 256
    entry.writeUInt8(size === 256 ? 0 : size, 1) // height
    entry.writeUInt8(0, 2) // palette size
    entry.writeUInt8(0, 3) // reserved
    entry.writeUInt16LE(1, 4) // colour planes
    entry.writeUInt16LE(32, 6) // bits per pixel
    entry.writeUInt32LE(png.length, 8)
    entry.writeUInt32LE(offset, 12)
    entries.push(entry)
    offset += png.length
  }
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)])
}

/** The PNG-carrying .icns element types by pixel size, as `iconutil` writes them (1x and @2x). */
export const ICNS_TYPES: ReadonlyArray<readonly [type: string, size: number]> = [
  ['icp4', 16],
  ['icp5', 32],
  ['ic11', 32], // 16@2x
  ['icp6', 64],
  ['ic12', 64], // 32@2x
  ['ic07', 128],
  ['ic08', 256],
  ['ic13', 256], // 128@2x
  ['ic09', 512],
  ['ic14', 512], // 256@2x
  ['ic10', 1024], // 512@2x
]

/** An .icns: 'icns' + total length, then (type, length, PNG bytes) per element; big-endian lengths. */
export function encodeIcns(pngBySize: ReadonlyMap<number, Buffer>): Buffer {
  const elements: Buffer[] = []
  for (const [type, size] of ICNS_TYPES) {
    const png = pngBySize.get(size)
    if (!png) throw new Error(`.icns needs a ${size} px image for ${type}`)
    const head = Buffer.alloc(8)
    head.write(type, 0, 'latin1')
    head.writeUInt32BE(png.length + 8, 4)
    elements.push(head, png)
  }
  const body = Buffer.concat(elements)
  const head = Buffer.alloc(8)
  head.write('icns', 0, 'latin1')
  head.writeUInt32BE(body.length + 8, 4)
  return Buffer.concat([head, body])
}

/** Reads an .ico's directory: the size and PNG bytes of each image (for checks and tests). */
export function readIco(data: Buffer): Array<{ size: number; png: Buffer }> {
  if (data.readUInt16LE(0) !== 0 || data.readUInt16LE(2) !== 1) throw new Error('not an .ico file')
  const count = data.readUInt16LE(4)
  return Array.from({ length: count }, (_, i) => {
    const entry = 6 + 16 * i
    const size = data.readUInt8(entry) || 256
    const length = data.readUInt32LE(entry + 8)
    const offset = data.readUInt32LE(entry + 12)
    return { size, png: data.subarray(offset, offset + length) }
  })
}

/** Reads an .icns: the type and bytes of each element. */
export function readIcns(data: Buffer): Array<{ type: string; data: Buffer }> {
  if (data.toString('latin1', 0, 4) !== 'icns' || data.readUInt32BE(4) !== data.length)
    throw new Error('not an .icns file')
  const elements: Array<{ type: string; data: Buffer }> = []
  for (let offset = 8; offset < data.length;) {
    const length = data.readUInt32BE(offset + 4)
    if (length < 8 || offset + length > data.length) throw new Error(`broken .icns element at ${offset}`)
    elements.push({
      type: data.toString('latin1', offset, offset + 4),
      data: data.subarray(offset + 8, offset + length),
    })
    offset += length
  }
  return elements
}
