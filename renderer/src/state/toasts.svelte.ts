// Short messages that confirm an action or report its failure ("Saved 120 chargers to …", "Copied").
export interface Toast {
  id: number
  text: string
  tone: 'info' | 'error'
}

const SHOW_MS = { info: 5_000, error: 9_000 }

class Toasts {
  list = $state.raw<readonly Toast[]>([])
  #next = 1

  show(text: string, tone: Toast['tone'] = 'info'): void {
    const toast = { id: this.#next++, text, tone }
    this.list = [...this.list, toast].slice(-4)
    setTimeout(() => this.dismiss(toast.id), SHOW_MS[tone])
  }

  dismiss(id: number): void {
    this.list = this.list.filter((toast) => toast.id !== id)
  }
}

export const toasts = new Toasts()
