// File systems that fail the way real disks do, for the storage tests: the real node:fs/promises with one
// step replaced.
import { realFs, type AtomicFs } from '@main/storage/atomic-file'

export function errno(code: string, syscall: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated failure, ${syscall}`), { code, syscall })
}

const isTemp = (path: unknown) => String(path).endsWith('.tmp')

/** The disk fills up halfway through writing the temp file. */
export function fullDiskFs(): AtomicFs {
  return {
    ...realFs,
    open: async (...args: Parameters<AtomicFs['open']>) => {
      const handle = await realFs.open(...args)
      if (isTemp(args[0])) {
        handle.writeFile = async (data) => {
          const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data)
          await handle.write(bytes.subarray(0, Math.floor(bytes.length / 2)))
          throw errno('ENOSPC', 'write')
        }
      }
      return handle
    },
  }
}

/** Everything is written and synced, then the rename fails (the moment a crash would hurt most). */
export function failingRenameFs(code = 'EIO'): AtomicFs {
  return {
    ...realFs,
    rename: async (from, to) => {
      if (isTemp(from)) throw errno(code, 'rename')
      return realFs.rename(from, to)
    },
  }
}
