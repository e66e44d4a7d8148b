// Failures that cross to the renderer: a stable code and a sentence for people. Every user-facing error in
// main extends AppError; anything else is reduced to a generic sentence so that no stack, path or secret
// ever leaves the main process.
import type { AppErrorInfo } from '@shared/app-schemas'

export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'AppError'
  }
}

export function toAppError(error: unknown): AppErrorInfo {
  if (error instanceof AppError) return { code: error.code, message: error.message }
  return {
    code: 'internal',
    message: 'Something went wrong inside the app. Try again; if it persists, restart the app.',
  }
}
