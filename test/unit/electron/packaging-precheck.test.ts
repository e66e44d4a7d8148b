// The checks electron-builder runs before it downloads anything, run here with its own code: the package.json
// metadata check, the configuration schema, and the .deb target's own options check (which needs a project
// homepage: outside a GitHub clone electron-builder cannot make one up from the git remote). The project is
// copied to a temporary folder without .git, as a source tarball or a fork's CI would have it.
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const require = createRequire(import.meta.url)
const root = new URL('../../..', import.meta.url).pathname
const CONFIG = 'electron/build/electron-builder.json5'

type Packager = { validateConfig(): Promise<void>; _appInfo: unknown }
const { Packager } = require('app-builder-lib/out/packager') as { Packager: new (options: object) => Packager }
const { LinuxPackager } = require('app-builder-lib/out/linuxPackager') as { LinuxPackager: new (p: Packager) => object }
const { AppInfo } = require('app-builder-lib/out/appInfo') as { AppInfo: new (p: Packager, v: null) => unknown }
const { LinuxTargetHelper } = require('app-builder-lib/out/targets/LinuxTargetHelper') as {
  LinuxTargetHelper: new (p: object) => object
}
const FpmTarget = (require('app-builder-lib/out/targets/FpmTarget') as { default: FpmTargetClass }).default
type FpmTargetClass = new (
  name: string,
  packager: object,
  helper: object,
  outDir: string,
) => { checkOptions(): Promise<{ url: string; maintainer: string }> }

let copies: string

beforeAll(async () => {
  copies = await mkdtemp(join(tmpdir(), 'plugfleet-precheck-'))
})

afterAll(async () => {
  await rm(copies, { recursive: true, force: true })
})

/** A copy of what electron-builder reads (package.json and the config), outside any git clone. */
async function projectCopy(name: string, edit: (pkg: Record<string, unknown>) => void = () => {}) {
  const dir = join(copies, name)
  await mkdir(join(dir, 'electron', 'build'), { recursive: true })
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as Record<string, unknown>
  edit(pkg)
  await writeFile(join(dir, 'package.json'), JSON.stringify(pkg, null, 2))
  await cp(join(root, CONFIG), join(dir, CONFIG))
  return dir
}

/** What `electron-builder --linux deb` checks before building: metadata, schema, then the deb's options. */
async function debPrecheck(projectDir: string) {
  const packager = new Packager({ projectDir, config: CONFIG })
  await packager.validateConfig()
  packager._appInfo = new AppInfo(packager, null)
  const linux = new LinuxPackager(packager)
  return new FpmTarget('deb', linux, new LinuxTargetHelper(linux), join(projectDir, 'dist')).checkOptions()
}

describe('packaging pre-checks', () => {
  it('the .deb target accepts the project outside a git clone: it has a homepage and a maintainer', async () => {
    const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { homepage?: string }
    expect(pkg.homepage).toMatch(/^https:\/\//)
    await expect(debPrecheck(await projectCopy('as-is'))).resolves.toMatchObject({
      url: pkg.homepage,
      maintainer: expect.any(String),
    })
  })

  it('the check is live: without a homepage electron-builder refuses the .deb', async () => {
    const dir = await projectCopy('no-homepage', (pkg) => delete pkg.homepage)
    await expect(debPrecheck(dir)).rejects.toThrow(/Please specify project homepage/)
  })

  it('the metadata check is live: without a version electron-builder refuses the project', async () => {
    const dir = await projectCopy('no-version', (pkg) => delete pkg.version)
    await expect(debPrecheck(dir)).rejects.toThrow(/Please specify 'version'/)
  })
})
