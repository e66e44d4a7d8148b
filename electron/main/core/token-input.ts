// What a person pastes is checked before anything is sent: a clear sentence for each mistake. The sentences
// never quote the input, so a token can never end up in an error message.
import { MAX_TOKEN_LENGTH } from '../../../shared/ipc-contract'
import { AppError } from '../ipc/app-error'

// Anything below space, DEL, and the Unicode line/paragraph separators: none belongs in a bearer token.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f\u2028\u2029]/

export function normalizeToken(raw: string): string {
  const token = raw.trim()
  if (token.length === 0) throw new AppError('token-empty', 'Paste your personal access token first.')
  if (token.length > MAX_TOKEN_LENGTH) {
    throw new AppError('token-too-long', 'That is far too long to be a Plugchoice token (over 4 KB). Paste only the token.')
  }
  if (CONTROL_CHARACTERS.test(token) || /\s/.test(token)) {
    throw new AppError(
      'token-invalid-characters',
      'The token contains spaces, line breaks or control characters. Paste only the token, exactly as Plugchoice showed it.',
    )
  }
  return token
}
