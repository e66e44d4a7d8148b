// Renders a TrayView (made by the pure tray policy) into Electron's Tray, Signal Desktop style: one idempotent
// render(view); only what changed is touched, and an unchanged view costs nothing, so it can be called on
// every state change. The menu is rebuilt whenever it changes: a Menu is immutable once set on a Linux app
// indicator, and indicators ignore clicks on the icon, so everything the icon does is also in the menu.
import { Menu, Tray, type MenuItemConstructorOptions } from 'electron'
import type { PauseChoice } from '../notifications/notification-pause'
import type { TrayAction, TrayImage, TrayMenuItem, TrayView } from '../tray/tray-view'
import { MAX_MENU_LABEL, MAX_TOOLTIP, plainLine } from '../core/desktop-text'

export interface TrayAdapterOptions {
  /** The image file for a tray state on this platform (trayIconPath). */
  iconFor: (image: TrayImage) => string
  onAction: (action: TrayAction) => void
  platform: NodeJS.Platform
}

/**
 * One line, cut to a length a menu can show (labels carry charger text: core/desktop-text.ts). On Windows and
 * Linux a `&` in a menu label marks a keyboard accelerator and vanishes; a charger called "Smith & Sons" must
 * keep its ampersand, so it is doubled there (macOS shows labels as they are).
 */
export function menuLabel(label: string, platform: NodeJS.Platform): string {
  const line = plainLine(label, MAX_MENU_LABEL)
  return platform === 'darwin' ? line : line.replaceAll('&', '&&')
}

export function menuTemplate(
  items: readonly TrayMenuItem[],
  onAction: (action: TrayAction) => void,
  platform: NodeJS.Platform,
): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    switch (item.kind) {
      case 'separator':
        return { type: 'separator' }
      case 'submenu':
        return { label: menuLabel(item.label, platform), submenu: menuTemplate(item.items, onAction, platform) }
      case 'item': {
        const { action } = item
        return {
          label: menuLabel(item.label, platform),
          enabled: item.enabled && action !== null,
          ...(action ? { click: () => onAction(action) } : {}),
        }
      }
    }
  })
}

export class TrayAdapter {
  private tray: Tray | null = null
  private image: TrayImage | null = null
  private tooltip: string | null = null
  private menuKey: string | null = null

  constructor(private readonly options: TrayAdapterOptions) {}

  render(view: TrayView): void {
    if (!this.tray) {
      this.tray = new Tray(this.options.iconFor(view.image))
      this.image = view.image
      // macOS opens the menu on click by itself, Linux app indicators never report clicks; on Windows (and
      // XEmbed trays on Linux) a left click opens the window, as users of those systems expect.
      if (this.options.platform !== 'darwin')
        this.tray.on('click', () => this.options.onAction({ type: 'open-window' }))
    } else if (view.image !== this.image) {
      this.tray.setImage(this.options.iconFor(view.image))
      this.image = view.image
    }
    if (view.tooltip !== this.tooltip) {
      this.tray.setToolTip(plainLine(view.tooltip, MAX_TOOLTIP))
      this.tooltip = view.tooltip
    }
    const menuKey = JSON.stringify(view.menu)
    if (menuKey !== this.menuKey) {
      this.tray.setContextMenu(
        Menu.buildFromTemplate(menuTemplate(view.menu, this.options.onAction, this.options.platform)),
      )
      this.menuKey = menuKey
    }
  }

  destroy(): void {
    this.tray?.destroy()
    this.tray = null
    this.image = this.tooltip = this.menuKey = null
  }
}

/** What the tray's actions do to the app core and the window. */
export interface TrayActionTargets {
  refreshNow(reason: 'tray'): void
  pauseNotifications(until: PauseChoice | null): Promise<void>
  showCharger(uuid: string): void
  showWindow(): void
  quit(): void
}

export function runTrayAction(targets: TrayActionTargets, action: TrayAction): void {
  switch (action.type) {
    case 'open-window':
      targets.showWindow()
      return
    case 'show-charger':
      targets.showWindow()
      targets.showCharger(action.uuid)
      return
    case 'refresh':
      targets.refreshNow('tray')
      return
    case 'pause-notifications':
      void report(targets.pauseNotifications(action.until))
      return
    case 'resume-notifications':
      void report(targets.pauseNotifications(null))
      return
    case 'quit':
      targets.quit()
      return
  }
}

async function report(work: Promise<void>): Promise<void> {
  try {
    await work
  } catch (error) {
    console.warn(`[plugfleet] tray action failed: ${(error as Error).message}`)
  }
}
