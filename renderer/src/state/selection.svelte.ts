// The chargers chosen for a bulk command: a set of uuids, so the choice survives scrolling, search and
// filters (and a charger that leaves the view stays chosen until cleared). Shift-click selects a range of
// the current view, from the last box clicked.
import { SvelteSet } from 'svelte/reactivity'
import type { Charger } from '@shared/plugchoice-schemas'

export class Selection {
  readonly uuids = new SvelteSet<string>()
  #anchor: string | null = null

  get count(): number {
    return this.uuids.size
  }

  has(uuid: string): boolean {
    return this.uuids.has(uuid)
  }

  /** A click on a row's box; with shift, every row of the view between the last click and this one. */
  toggle(uuid: string, rows: readonly Charger[], shift: boolean): void {
    const from = shift && this.#anchor !== null ? rows.findIndex((c) => c.uuid === this.#anchor) : -1
    const to = rows.findIndex((c) => c.uuid === uuid)
    if (from >= 0 && to >= 0) {
      const select = this.uuids.has(this.#anchor as string)
      for (let i = Math.min(from, to); i <= Math.max(from, to); i++) {
        const id = (rows[i] as Charger).uuid
        if (select) this.uuids.add(id)
        else this.uuids.delete(id)
      }
    } else if (this.uuids.has(uuid)) this.uuids.delete(uuid)
    else this.uuids.add(uuid)
    this.#anchor = uuid
  }

  allIn(rows: readonly Charger[]): boolean {
    return rows.length > 0 && rows.every((c) => this.uuids.has(c.uuid))
  }

  /** "Select all N in view", or, when they all are, unselect them. */
  toggleAll(rows: readonly Charger[]): void {
    const select = !this.allIn(rows)
    for (const charger of rows) {
      if (select) this.uuids.add(charger.uuid)
      else this.uuids.delete(charger.uuid)
    }
  }

  clear(): void {
    this.uuids.clear()
    this.#anchor = null
  }
}

export const selection = new Selection()
