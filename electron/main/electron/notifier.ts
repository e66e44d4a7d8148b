// Shows the notifications the pure notification policy decided on, with Electron's Notification. Showing one
// never touches the window, so it never steals focus; clicking one opens the window on its charger.
import { app, Notification } from 'electron'
import type { NotificationSpec } from '../notifications/notification-policy'
import { notificationText } from '../core/desktop-text'

export interface NotifierOptions {
  /** The user clicked a notification: open the window (on that charger when there is one). */
  onClick: (chargerUuid: string | null) => void
  /** Shown in the notification on Linux and Windows (macOS uses the app icon). */
  icon?: string
  /** Decides how charger text is made safe (Linux renders body markup); defaults to this process's. */
  platform?: NodeJS.Platform
}

/**
 * Electron holds a main-process Notification only weakly: once the JS object is collected its click is lost
 * (https://github.com/electron/electron/issues/16922). On Windows `close` also fires when a toast times out
 * into the Action Center, where it can still be clicked, so the last few are kept until clicked or replaced.
 */
const KEEP_ALIVE = 20

export class Notifier {
  private readonly alive: Notification[] = []

  constructor(private readonly options: NotifierOptions) {}

  /** False when the desktop has no notification service (the tray still says what changed). */
  show(spec: NotificationSpec): boolean {
    if (!Notification.isSupported()) return false
    const notification = new Notification({
      ...notificationText(spec, this.options.platform ?? process.platform),
      silent: spec.silent,
      ...(this.options.icon ? { icon: this.options.icon } : {}),
    })
    notification.on('click', () => {
      this.release(notification)
      this.options.onClick(spec.chargerUuid)
    })
    this.alive.push(notification)
    if (this.alive.length > KEEP_ALIVE) this.alive.shift()
    notification.show()
    return true
  }

  private release(notification: Notification): void {
    const index = this.alive.indexOf(notification)
    if (index >= 0) this.alive.splice(index, 1)
  }
}

/**
 * Windows shows toasts only for an app with an AppUserModelId, and it must equal the installer's appId so the
 * Start-menu shortcut NSIS creates is the one the toasts belong to.
 */
export function registerNotificationIdentity(platform: NodeJS.Platform, appId: string): void {
  if (platform === 'win32') app.setAppUserModelId(appId)
}
