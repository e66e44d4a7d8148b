// The packaging config cannot be exercised here (electron-builder downloads Electron), so it is checked the
// way electron-builder itself checks it before building: loaded by app-builder-lib's own loader (JSON5) and
// validated by its own validator against its scheme.json. Then the settings that matter for security and for
// the app starting at all are checked one by one.
import { existsSync, readdirSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { APP_ID, PRODUCT_NAME } from '@main/app-identity'
import { TRAY_IMAGES } from '@main/tray/tray-view'
import { trayIconPath } from '@main/tray/tray-icon-path'
import packageJson from '../../../package.json'

const require = createRequire(import.meta.url)
const root = new URL('../../..', import.meta.url).pathname
const CONFIG = 'electron/build/electron-builder.json5'

type Config = Record<string, unknown> & {
  electronFuses: Record<string, boolean>
  asarUnpack: string[]
  /** Normalised by the loader into file sets. */
  files: Array<{ filter: string[] }>
  extraResources: Array<{ from: string; to: string }>
  mac: { target: Array<{ target: string }>; icon: string }
  win: { target: Array<{ target: string }>; icon: string }
  linux: { target: string[]; icon: string }
}
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig: (projectDir: string, configPath: string | null) => Promise<Config>
  validateConfiguration: (config: unknown, debugLogger: unknown) => Promise<void>
}
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown }
// The glob matcher electron-builder itself uses for `files` and `asarUnpack`.
const { minimatch } = createRequire(require.resolve('app-builder-lib/package.json'))('minimatch') as {
  minimatch: (path: string, pattern: string, options?: object) => boolean
}

const loaded = getConfig(root, CONFIG)

describe('electron-builder config', () => {
  it('is valid for electron-builder’s own schema', async () => {
    await expect(validateConfiguration(await loaded, new DebugLogger(false))).resolves.toBeUndefined()
  })

  it('the validator is live: a misspelt fuse is refused', async () => {
    const config = await loaded
    await expect(
      validateConfiguration(
        { ...config, electronFuses: { ...config.electronFuses, runAsnode: false } },
        new DebugLogger(false),
      ),
    ).rejects.toThrow(/configuration\.electronFuses should be/)
  })

  it('flips the fuses: no run-as-node, no NODE_OPTIONS or --inspect, cookies encrypted, app only from asar', async () => {
    const fuses = (await loaded).electronFuses
    expect(fuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      // The page comes from app://, so file: keeps no extra privileges.
      grantFileProtocolExtraPrivileges: false,
    })
  })

  it('turns on ASAR integrity for macOS only, in the packaged Electron binary', async () => {
    const config = await loaded
    expect(config.electronFuses).not.toHaveProperty('enableEmbeddedAsarIntegrityValidation')
    const hookPath = join(root, String(config.afterPack))
    const afterPack = (await import(hookPath)).default as (context: unknown) => Promise<boolean>
    const { getCurrentFuseWire, FuseV1Options, FuseState } = await import('@electron/fuses')
    const dir = await mkdtemp(join(tmpdir(), 'plugfleet-fuses-'))
    try {
      for (const platform of ['darwin', 'win32', 'linux']) {
        // A stand-in for the Electron binary: the fuse sentinel, wire version 1, nine fuses all off.
        const appOutDir = join(dir, platform)
        const binary =
          platform === 'darwin'
            ? join(
                appOutDir,
                'Plugchoice Fleet.app/Contents/Frameworks/Electron Framework.framework/Electron Framework',
              )
            : join(appOutDir, 'plugchoice-fleet')
        await mkdir(dirname(binary), { recursive: true })
        const wire = Buffer.concat([
          Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'),
          Buffer.from([1, 9]),
          Buffer.from('000000000'),
        ])
        await writeFile(binary, Buffer.concat([Buffer.alloc(4096), wire, Buffer.alloc(4096)]))
        const context = {
          electronPlatformName: platform,
          appOutDir,
          packager: { appInfo: { productFilename: 'Plugchoice Fleet' } },
        }
        await afterPack(context)
        const fuses = await getCurrentFuseWire(binary)
        const integrity = fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]
        expect(integrity, platform).toBe(platform === 'darwin' ? FuseState.ENABLE : FuseState.DISABLE)
        expect(fuses[FuseV1Options.RunAsNode], platform).toBe(FuseState.DISABLE)
      }
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('unpacks the native modules (keytar, better-sqlite3) from the asar archive, and nothing else', async () => {
    const patterns = (await loaded).asarUnpack
    const matches = (path: string) => patterns.some((pattern) => minimatch(path, pattern, { dot: true }))
    expect(existsSync(join(root, 'node_modules/keytar/build/Release/keytar.node'))).toBe(true)
    expect(matches('node_modules/keytar/build/Release/keytar.node')).toBe(true)
    expect(matches('node_modules/keytar/lib/keytar.js')).toBe(false)
    expect(existsSync(join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'))).toBe(true)
    expect(matches('node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(true)
    expect(matches('node_modules/better-sqlite3/lib/database.js')).toBe(false)
    expect(matches('out/main/index.js')).toBe(false)
  })

  it('packages the build output, including package.json’s main', async () => {
    const files = (await loaded).files.flatMap((set) => set.filter)
    const included = (path: string) =>
      files.filter((p) => !p.startsWith('!')).some((p) => minimatch(path, p)) &&
      !files.filter((p) => p.startsWith('!')).some((p) => minimatch(path, p.slice(1)))
    expect(included(packageJson.main)).toBe(true)
    expect(included('out/preload/index.cjs')).toBe(true)
    expect(included('out/renderer/index.html')).toBe(true)
    expect(included('out/main/index.js.map')).toBe(false)
    expect(included('electron/main/index.ts')).toBe(false)
    // The browser preview is a development tool: neither its server nor its renderer ships.
    expect(included('out/web/index.js')).toBe(false)
    expect(included('out/web-renderer/index.html')).toBe(false)
  })

  it('builds NSIS for Windows, dmg and zip for macOS, the .deb (never an AppImage) for Linux', async () => {
    const config = await loaded
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis'])
    expect(config.mac.target.map((t) => t.target).sort()).toEqual(['dmg', 'zip'])
    // An AppImage aborts on Ubuntu 24.04+ (AppArmor and Chromium's sandbox); the .deb brings its profile.
    expect(config.linux.target).toEqual(['deb'])
  })

  it('re-signs the macOS app ad hoc after flipping the fuses, so an unsigned arm64 build still launches', async () => {
    expect((await loaded).electronFuses.resetAdHocDarwinSignature).toBe(true)
  })

  it('names the app as the main process does (Windows ties notifications to the appId)', async () => {
    const config = await loaded
    expect(config.appId).toBe(APP_ID)
    expect(config.productName).toBe(PRODUCT_NAME)
  })

  it('every icon it names exists', async () => {
    const config = await loaded
    for (const icon of [config.mac.icon, config.win.icon, config.linux.icon])
      expect(existsSync(join(root, icon)), icon).toBe(true)
  })

  it('ships every tray image the tray asks for, where the packaged app looks for it', async () => {
    const config = await loaded
    // Packaged, index.ts passes process.resourcesPath as the resources folder: extraResources land there.
    const resources = '/packaged/resources'
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      for (const image of TRAY_IMAGES) {
        const wanted = trayIconPath(image, platform, resources).slice(resources.length + 1)
        const source = config.extraResources.find((entry) => wanted.startsWith(`${entry.to}/`))
        expect(source, `${platform} ${image}: ${wanted}`).toBeDefined()
        const file = join(root, source!.from, wanted.slice(source!.to.length + 1))
        expect(existsSync(file), file).toBe(true)
      }
    }
    expect(readdirSync(join(root, 'electron/resources/icons'))).toContain('icon-256.png')
  })
})
