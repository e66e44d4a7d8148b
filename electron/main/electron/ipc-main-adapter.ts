// Electron IPC for the contract: one ipcMain.handle per command of shared/ipc-channels.ts (nothing else is
// ever registered, so an unknown channel has no handler at all), each answering only the app's own main frame
// before dispatchCommand validates the request. Events of the app core go to the window with webContents.send.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent, type WebFrameMain } from 'electron'
import type { IpcResult } from '@shared/ipc-contract'
import { COMMANDS, EVENTS, type EventName } from '@shared/ipc-channels'
import { dispatchCommand, type CommandTable } from '../ipc/command-dispatch'
import { isAppPageUrl, type AppPage } from '../window/app-page'

/** Subscribes to one renderer event of the app core: `(event, listener) => fleetApp.on(event, listener)`. */
export type SubscribeToEvent = (event: EventName, listener: (payload: unknown) => void) => () => void

export const FORBIDDEN_SENDER: IpcResult<never> = {
  ok: false,
  error: { code: 'forbidden-sender', message: 'This request did not come from the app’s own window and was refused.' },
}

/**
 * The sender is trusted only when it is the top frame of our window, still showing our own page: not an
 * iframe, not another window or web contents, not a page the window was somehow navigated to.
 */
export function isTrustedSender(window: BrowserWindow, page: AppPage, event: IpcMainInvokeEvent): boolean {
  if (window.isDestroyed() || event.sender !== window.webContents) return false
  const frame: WebFrameMain | null = event.senderFrame
  const main = window.webContents.mainFrame
  if (!frame || frame.parent !== null) return false
  if (frame.processId !== main.processId || frame.frameToken !== main.frameToken) return false
  return isAppPageUrl(page, frame.url)
}

/** Registers every command; returns the function that removes them again. */
export function registerCommandHandlers(window: BrowserWindow, page: AppPage, handlers: CommandTable): () => void {
  for (const channel of COMMANDS) {
    ipcMain.handle(channel, async (event, payload: unknown) => {
      if (!isTrustedSender(window, page, event)) return FORBIDDEN_SENDER
      return dispatchCommand(handlers, channel, payload)
    })
  }
  return () => {
    for (const channel of COMMANDS) ipcMain.removeHandler(channel)
  }
}

/** Forwards each renderer event of the app core to the window; returns the unsubscribe. */
export function forwardEvents(window: BrowserWindow, subscribe: SubscribeToEvent): () => void {
  const unsubscribes = EVENTS.map((name) =>
    subscribe(name, (payload) => {
      // A hidden window still gets events (its list stays current); a destroyed one cannot.
      if (window.isDestroyed() || window.webContents.isDestroyed()) return
      window.webContents.send(name, payload)
    }),
  )
  return () => {
    for (const unsubscribe of unsubscribes) unsubscribe()
  }
}
