// The widths of the list's columns as drawn: those saved in settings, with the one being dragged right now on
// top, so the columns follow the pointer and only the end of a drag writes the settings.
import type { ColumnId } from '../lib/columns'
import { withWidth, type ChosenWidths } from '../lib/column-widths'
import { session } from './app-state.svelte'
import { toasts } from './toasts.svelte'

class ColumnWidths {
  draft = $state.raw<{ id: ColumnId; rem: number | null } | null>(null)

  chosen: ChosenWidths = $derived.by(() => {
    const saved = session.settings.columnWidthsRem
    return this.draft ? withWidth(saved, this.draft.id, this.draft.rem) : saved
  })

  preview(id: ColumnId, rem: number): void {
    this.draft = { id, rem }
  }

  /** Saves one column's width; `null` gives it back its default. */
  async commit(id: ColumnId, rem: number | null): Promise<void> {
    // Drawn at once and kept until saved: a second arrow press before the first is saved steps on from it.
    const columnWidthsRem = withWidth(this.chosen, id, rem)
    const draft = { id, rem }
    this.draft = draft
    const error = await session.updateSettings({ columnWidthsRem })
    if (this.draft === draft) this.draft = null
    if (error) toasts.show(`Could not keep the column width: ${error.message}`, 'error')
  }
}

export const columnWidths = new ColumnWidths()
