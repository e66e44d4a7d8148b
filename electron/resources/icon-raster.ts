// A very small vector rasteriser for the icons: shapes are signed distance functions in design units,
// painted with analytic anti-aliasing at any pixel size. Written here rather than taken from a library
// because the needs are tiny (circles, capsules, polygons, rings) and the output must be identical on every
// machine: no native canvas, no fonts, no system ImageMagick.

/** Signed distance from a point to a shape's edge, in design units: negative inside. */
export type Sdf = (x: number, y: number) => number

export type Rgba = readonly [number, number, number, number]
export type Paint = Rgba | ((x: number, y: number) => Rgba)

export interface Layer {
  shape: Sdf
  /** What to paint; 'erase' cuts the shape out of what is below (a knocked-out glyph). */
  paint: Paint | 'erase'
}

export function circle(cx: number, cy: number, r: number): Sdf {
  return (x, y) => Math.hypot(x - cx, y - cy) - r
}

export function ring(cx: number, cy: number, r: number, width: number): Sdf {
  return (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - r) - width / 2
}

/** A line segment with round ends, `width` thick. */
export function capsule(ax: number, ay: number, bx: number, by: number, width: number): Sdf {
  const dx = bx - ax
  const dy = by - ay
  const lengthSq = dx * dx + dy * dy || 1
  return (x, y) => {
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / lengthSq))
    return Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) - width / 2
  }
}

export function roundedRect(x0: number, y0: number, x1: number, y1: number, radius: number): Sdf {
  const cx = (x0 + x1) / 2
  const cy = (y0 + y1) / 2
  const hx = (x1 - x0) / 2 - radius
  const hy = (y1 - y0) / 2 - radius
  return (x, y) => {
    const qx = Math.abs(x - cx) - hx
    const qy = Math.abs(y - cy) - hy
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius
  }
}

/** A closed polygon (any winding), optionally with its corners rounded by `radius`. */
export function polygon(points: ReadonlyArray<readonly [number, number]>, radius = 0): Sdf {
  return (x, y) => {
    let best = Number.POSITIVE_INFINITY
    let inside = false
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i]!
      const [xj, yj] = points[j]!
      const ex = xj - xi
      const ey = yj - yi
      const t = Math.max(0, Math.min(1, ((x - xi) * ex + (y - yi) * ey) / (ex * ex + ey * ey || 1)))
      best = Math.min(best, Math.hypot(x - (xi + t * ex), y - (yi + t * ey)))
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
    }
    return (inside ? -best : best) - radius
  }
}

/** A regular polygon with `sides` corners, the first one pointing at `angle` (radians). */
export function regularPolygon(cx: number, cy: number, r: number, sides: number, angle: number, radius = 0): Sdf {
  const points = Array.from({ length: sides }, (_, i) => {
    const a = angle + (i * 2 * Math.PI) / sides
    return [cx + r * Math.cos(a), cy + r * Math.sin(a)] as const
  })
  return polygon(points, radius)
}

export function union(...shapes: Sdf[]): Sdf {
  return (x, y) => Math.min(...shapes.map((shape) => shape(x, y)))
}

export function hex(color: string, alpha = 1): Rgba {
  const value = Number.parseInt(color.replace('#', ''), 16)
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255, alpha]
}

/** A linear gradient from `from` at (x0, y0) to `to` at (x1, y1). */
export function linearGradient(x0: number, y0: number, from: Rgba, x1: number, y1: number, to: Rgba): Paint {
  const dx = x1 - x0
  const dy = y1 - y0
  const lengthSq = dx * dx + dy * dy || 1
  return (x, y) => {
    const t = Math.max(0, Math.min(1, ((x - x0) * dx + (y - y0) * dy) / lengthSq))
    return [0, 1, 2, 3].map((i) => from[i]! + (to[i]! - from[i]!) * t) as unknown as Rgba
  }
}

/**
 * Paints the layers of a `designSize`-unit square into a `size`-pixel RGBA image (straight alpha).
 * Coverage comes from the distance at the pixel centre, one pixel wide: sharp edges, no stair steps.
 */
export function rasterize(layers: readonly Layer[], designSize: number, size: number): Uint8Array {
  const out = new Uint8Array(size * size * 4)
  const unit = designSize / size
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const x = (px + 0.5) * unit
      const y = (py + 0.5) * unit
      // Premultiplied accumulation, so overlapping anti-aliased edges blend without dark fringes.
      let r = 0
      let g = 0
      let b = 0
      let a = 0
      for (const layer of layers) {
        const coverage = Math.max(0, Math.min(1, 0.5 - layer.shape(x, y) / unit))
        if (coverage === 0) continue
        if (layer.paint === 'erase') {
          const keep = 1 - coverage
          r *= keep
          g *= keep
          b *= keep
          a *= keep
          continue
        }
        const [cr, cg, cb, ca] = typeof layer.paint === 'function' ? layer.paint(x, y) : layer.paint
        const alpha = ca * coverage
        r = cr * alpha + r * (1 - alpha)
        g = cg * alpha + g * (1 - alpha)
        b = cb * alpha + b * (1 - alpha)
        a = alpha + a * (1 - alpha)
      }
      const i = (py * size + px) * 4
      if (a > 0) {
        out[i] = Math.round(r / a)
        out[i + 1] = Math.round(g / a)
        out[i + 2] = Math.round(b / a)
      }
      out[i + 3] = Math.round(a * 255)
    }
  }
  return out
}
