// What the tray shows, as plain data: the pure tray policy produces it, the Electron adapter renders it.
// (Signal Desktop's SystemTrayService pattern: one idempotent render of the tray from state.)

import type { PauseChoice } from '../notifications/notification-pause'

/** One image per fleet state; the adapter maps it to the platform's asset (template PNG, .ico, PNG). */
export const TRAY_IMAGES = ['ok', 'attention', 'problem', 'stale', 'signed-out', 'paused'] as const
export type TrayImage = (typeof TRAY_IMAGES)[number]

export type TrayAction =
  | { type: 'open-window' }
  | { type: 'show-charger'; uuid: string }
  | { type: 'refresh' }
  | { type: 'pause-notifications'; until: PauseChoice }
  | { type: 'resume-notifications' }
  | { type: 'quit' }

export type TrayMenuItem =
  | { kind: 'separator' }
  | { kind: 'item'; label: string; enabled: boolean; action: TrayAction | null }
  | { kind: 'submenu'; label: string; items: TrayMenuItem[] }

export interface TrayView {
  image: TrayImage
  tooltip: string
  menu: TrayMenuItem[]
}
