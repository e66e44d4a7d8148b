import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  autostartFilePath,
  disableLinuxAutostart,
  enableLinuxAutostart,
  isLinuxAutostartEnabled,
  quoteExecArgument,
} from '@main/autostart/linux-autostart'

let root: string
let env: NodeJS.ProcessEnv

const entry = {
  appId: 'com.plugchoice.fleet',
  name: 'Plugchoice Fleet',
  comment: 'Keeps an eye on your chargers',
  command: ['/home/ann/Apps/Plugchoice Fleet.AppImage', '--hidden'],
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'plugfleet-autostart-'))
  env = { XDG_CONFIG_HOME: join(root, 'config') }
})

afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

describe('Linux autostart entry', () => {
  it('is written under $XDG_CONFIG_HOME/autostart with a hidden launch', async () => {
    const path = await enableLinuxAutostart(entry, env, join(root, 'home'))
    expect(path).toBe(join(root, 'config', 'autostart', 'com.plugchoice.fleet.desktop'))
    const text = await readFile(path, 'utf8')
    expect(text.split('\n')[0]).toBe('[Desktop Entry]')
    expect(text).toMatch(/^Type=Application$/m)
    expect(text).toMatch(/^Name=Plugchoice Fleet$/m)
    // The path has a space, so it is quoted; the backslash-free value needs no second escaping.
    expect(text).toMatch(/^Exec="\/home\/ann\/Apps\/Plugchoice Fleet\.AppImage" --hidden$/m)
    expect(await isLinuxAutostartEnabled(entry.appId, env, join(root, 'home'))).toBe(true)
  })

  it('is removed when start at login is switched off, and removing twice is fine', async () => {
    const path = await enableLinuxAutostart(entry, env)
    await disableLinuxAutostart(entry.appId, env)
    await expect(stat(path)).rejects.toMatchObject({ code: 'ENOENT' })
    await disableLinuxAutostart(entry.appId, env)
    expect(await isLinuxAutostartEnabled(entry.appId, env)).toBe(false)
  })

  it('rewriting replaces the entry rather than adding another', async () => {
    await enableLinuxAutostart(entry, env)
    await enableLinuxAutostart({ ...entry, command: ['/usr/bin/plugchoice-fleet', '--hidden'] }, env)
    const text = await readFile(autostartFilePath(entry.appId, env), 'utf8')
    expect(text.match(/^Exec=/gm)).toHaveLength(1)
    expect(text).toMatch(/^Exec=\/usr\/bin\/plugchoice-fleet --hidden$/m)
  })

  it('counts as off when the desktop disabled it with Hidden=true', async () => {
    const path = await enableLinuxAutostart(entry, env)
    await writeFile(path, `${await readFile(path, 'utf8')}Hidden=true\n`)
    expect(await isLinuxAutostartEnabled(entry.appId, env)).toBe(false)
  })

  it('uses ~/.config when XDG_CONFIG_HOME is unset or relative (the spec ignores a relative one)', () => {
    expect(autostartFilePath('x', {}, '/home/ann')).toBe('/home/ann/.config/autostart/x.desktop')
    expect(autostartFilePath('x', { XDG_CONFIG_HOME: 'relative/dir' }, '/home/ann')).toBe(
      '/home/ann/.config/autostart/x.desktop',
    )
  })
})

describe('Exec quoting', () => {
  it.each([
    ['/usr/bin/plugchoice-fleet', '/usr/bin/plugchoice-fleet'],
    ['/opt/My App/app', '"/opt/My App/app"'],
    ['/opt/a"b', '"/opt/a\\"b"'],
    ['/opt/$HOME/app', '"/opt/\\$HOME/app"'],
    ['/opt/back\\slash', '"/opt/back\\\\slash"'],
    ['/opt/100%/app', '/opt/100%%/app'],
    ['', '""'],
  ])('%s → %s', (arg, quoted) => {
    expect(quoteExecArgument(arg)).toBe(quoted)
  })
})
