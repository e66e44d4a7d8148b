// electron-builder afterPack hook: turns on the EnableEmbeddedAsarIntegrityValidation fuse where it works, so a
// packaged app refuses to start with an app.asar that was changed after packaging. electron-builder's
// `electronFuses` applies one setting to every platform, hence this hook, which runs before electron-builder
// flips the other fuses and signs the app (platformPackager.js: afterPack → doAddElectronFuses → sign).
//   macOS: on. electron-builder writes the asar hash into Info.plist (ElectronAsarIntegrity) before this runs.
//   Windows: off. It breaks with cross-platform builds (https://github.com/electron/electron/issues/44624) and
//     with code signing (https://github.com/electron-userland/electron-builder/issues/9428).
//   Linux: off. Electron does not implement the check there (https://www.electronjs.org/docs/latest/tutorial/asar-integrity).
import { join } from 'node:path'
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses'

/** The platforms (electronPlatformName) whose packaged app validates its asar. */
export const ASAR_INTEGRITY_PLATFORMS = ['darwin', 'mas']

/** @param {{ electronPlatformName: string, appOutDir: string, packager: { appInfo: { productFilename: string } } }} context */
export default async function afterPack(context) {
  if (!ASAR_INTEGRITY_PLATFORMS.includes(context.electronPlatformName)) return false
  const app = join(context.appOutDir, `${context.packager.appInfo.productFilename}.app`)
  await flipFuses(app, { version: FuseVersion.V1, [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true })
  return true
}
