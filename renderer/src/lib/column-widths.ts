// How wide each column of the fleet list is: its default (a minimum and a share of the spare space) or the
// width the user dragged it to, which is kept in settings (columnWidthsRem) so it survives a reload, a restart
// and the web preview's changing port. Widths are in rem so that a text-only zoom widens the columns with the
// text in them.
import type { ColumnDef, ColumnId } from './columns'

interface DefaultWidth {
  /** The narrowest the column gets before the list scrolls sideways (rem). */
  min: number
  /** Its share of the spare space. */
  share: number
}

// The minimums add up to 76.7 rem (with the boxes), under the 1,248 px a 1280-wide window leaves the list: at the
// common laptop width every column shows without scrolling sideways, and what is spare goes mostly to Reference.
export const DEFAULT_WIDTHS: Readonly<Record<ColumnId, DefaultWidth>> = {
  // The badge and the start of its reason ("Fault  GroundFailure · …"); a long one is cut, read whole in its title.
  health: { min: 13, share: 1.2 },
  // Most serials whole in the monospace face ("ACE0731629", "KP48460539").
  identity: { min: 8.5, share: 1 },
  // A site name ("Depot Amersfoort bay 5") is how installers tell chargers apart: it gets room of its own.
  reference: { min: 11.5, share: 3 },
  // "Offline for 55 min" whole.
  connection: { min: 8.5, share: 0.8 },
  status: { min: 6.5, share: 0.6 },
  error: { min: 5.5, share: 0.8 },
  model: { min: 6.5, share: 1 },
  firmware: { min: 4.5, share: 0.4 },
  heartbeat: { min: 5.5, share: 0.4 },
  max_current: { min: 4.5, share: 0.3 },
}

/** The first column holds the bulk-selection boxes. */
export const SELECT_REM = 2.2
export const MIN_COLUMN_REM = 4
export const MAX_COLUMN_REM = 60
/** One press of an arrow key on a column's resize handle. */
export const RESIZE_STEP_REM = 1

export type ChosenWidths = Readonly<Record<string, number>>

export function clampWidth(rem: number): number {
  return Math.round(Math.min(MAX_COLUMN_REM, Math.max(MIN_COLUMN_REM, rem)) * 10) / 10
}

/** The width a column is drawn at before any spare space is shared out (rem). */
export function baseWidth(id: ColumnId, chosen: ChosenWidths): number {
  const width = chosen[id]
  return width === undefined ? DEFAULT_WIDTHS[id].min : clampWidth(width)
}

/** The CSS grid template of a row: a resized column keeps its width, the others share what is left. */
export function columnTemplate(columns: readonly ColumnDef[], chosen: ChosenWidths): string {
  const tracks = columns.map(({ id }) =>
    chosen[id] === undefined
      ? `minmax(${DEFAULT_WIDTHS[id].min}rem, ${DEFAULT_WIDTHS[id].share}fr)`
      : `${baseWidth(id, chosen)}rem`,
  )
  return [`${SELECT_REM}rem`, ...tracks].join(' ')
}

/** Below this width the list scrolls sideways rather than squeeze a column under its minimum. */
export function listMinWidth(columns: readonly ColumnDef[], chosen: ChosenWidths): string {
  return `${columns.reduce((sum, { id }) => sum + baseWidth(id, chosen), SELECT_REM)}rem`
}

/** The settings value after one column was resized (or reset to its default with `null`). */
export function withWidth(chosen: ChosenWidths, id: ColumnId, rem: number | null): Record<string, number> {
  const next = { ...chosen }
  if (rem === null) delete next[id]
  else next[id] = clampWidth(rem)
  return next
}
