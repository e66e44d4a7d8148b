// Start at login on Linux: a freedesktop autostart entry, which GNOME, KDE, Xfce, Cinnamon and most other
// desktops honour (Electron's app.setLoginItemSettings does nothing on Linux).
// Spec: https://specifications.freedesktop.org/autostart-spec/latest/ and, for the file's syntax,
// https://specifications.freedesktop.org/desktop-entry-spec/latest/
import { mkdir, readFile, rm } from 'node:fs/promises'
import { homedir } from 'node:os'
import { dirname, isAbsolute, join } from 'node:path'
import { writeFileAtomic } from '../storage/atomic-file'

export interface AutostartEntry {
  /** Reverse-DNS id; the file is `<appId>.desktop`. */
  appId: string
  name: string
  comment: string
  /** The executable and its arguments, unquoted (quoting is done here). */
  command: readonly string[]
}

/**
 * `$XDG_CONFIG_HOME/autostart/<appId>.desktop`; the spec says a relative or empty XDG_CONFIG_HOME is ignored,
 * so `~/.config` is used then.
 */
export function autostartFilePath(appId: string, env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  const configured = env.XDG_CONFIG_HOME
  const configHome = configured && isAbsolute(configured) ? configured : join(home, '.config')
  return join(configHome, 'autostart', `${appId}.desktop`)
}

/** The Exec key's quoting: an argument with a reserved character goes in double quotes, `"` `` ` `` `$` `\` escaped. */
export function quoteExecArgument(arg: string): string {
  // `%` introduces field codes (%f, %u...) anywhere in Exec, quoted or not: a literal one is written `%%`.
  const literal = arg.replaceAll('%', '%%')
  if (literal !== '' && !/[\s"'\\><~|&;$*?#()`]/.test(literal)) return literal
  return `"${literal.replace(/(["`$\\])/g, '\\$1')}"`
}

/** String values of a desktop entry escape backslashes (and newlines) once more, after Exec's own quoting. */
function escapeValue(value: string): string {
  return value.replaceAll('\\', '\\\\').replaceAll('\n', '\\n').replaceAll('\r', '\\r').replaceAll('\t', '\\t')
}

export function desktopEntry(entry: AutostartEntry): string {
  if (entry.command.length === 0) throw new Error('The autostart entry needs a command to run.')
  const exec = entry.command.map(quoteExecArgument).join(' ')
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.5',
    `Name=${escapeValue(entry.name)}`,
    `Comment=${escapeValue(entry.comment)}`,
    `Exec=${escapeValue(exec)}`,
    'Terminal=false',
    // GNOME's session manager reads this key; an entry without it is enabled anyway, but being explicit keeps
    // GNOME Tweaks' "Startup Applications" switch in step with the app's setting.
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n')
}

/** Writes (or rewrites) the entry atomically, so a crash never leaves half a file; returns its path. */
export async function enableLinuxAutostart(
  entry: AutostartEntry,
  env: NodeJS.ProcessEnv = process.env,
  home = homedir(),
): Promise<string> {
  const path = autostartFilePath(entry.appId, env, home)
  await mkdir(dirname(path), { recursive: true })
  await writeFileAtomic(path, desktopEntry(entry))
  return path
}

/** Removes the entry; nothing to do when it is not there. */
export async function disableLinuxAutostart(
  appId: string,
  env: NodeJS.ProcessEnv = process.env,
  home = homedir(),
): Promise<void> {
  await rm(autostartFilePath(appId, env, home), { force: true })
}

/** True when our entry exists and is not disabled by `Hidden=true` (a desktop's own way to switch it off). */
export async function isLinuxAutostartEnabled(
  appId: string,
  env: NodeJS.ProcessEnv = process.env,
  home = homedir(),
): Promise<boolean> {
  let text: string
  try {
    text = await readFile(autostartFilePath(appId, env, home), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw error
  }
  return !/^Hidden\s*=\s*true\s*$/m.test(text) && !/^X-GNOME-Autostart-enabled\s*=\s*false\s*$/m.test(text)
}
