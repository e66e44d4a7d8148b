// Starts `npm run web`'s entry point as its own process, exactly as a person would, and reads the URL from
// its last start-up line. Tests talk to it only through HTTP and the browser.
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const URL_LINE = /open (http:\/\/127\.0\.0\.1:\d+\/#secret=[0-9a-f]+)/

export interface WebPreviewProcess {
  url: string
  origin: string
  secret: string
  output(): string
  stop(): Promise<void>
}

export async function launchWebPreview(options: {
  env: Record<string, string>
  demo?: boolean
}): Promise<WebPreviewProcess> {
  // The built entry (`npm run build` makes out/web/index.js, as `npm run web` runs it): a second faster per start
  // than compiling the sources with tsx, and every test starts at least one.
  const args = ['--enable-source-maps', 'out/web/index.js', '--port', '0', ...(options.demo ? ['--demo'] : [])]
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk) => (output += String(chunk)))
  child.stderr?.on('data', (chunk) => (output += String(chunk)))

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web preview did not start in time:\n${output}`)), 30_000)
    const check = () => {
      const match = URL_LINE.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout?.on('data', check)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`web preview exited with ${code}:\n${output}`))
    })
  })
  const parsed = new URL(url)
  return {
    url,
    origin: parsed.origin,
    secret: parsed.hash.replace('#secret=', ''),
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref()
      }),
  }
}
