// Who the app is to the operating system. The packaging config (electron/build/electron-builder.json5) uses
// the same values; a test keeps them equal, because Windows ties notifications, the Start-menu shortcut and
// the login item to the appId.
export const APP_ID = 'com.plugchoice.fleet'
export { PRODUCT_NAME } from '@shared/constants'
