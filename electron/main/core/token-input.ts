// What a person pastes is checked before anything is sent: a clear sentence for each mistake. The sentences
// never quote the input, so a token can never end up in an error message.
import { MAX_TOKEN_LENGTH } from '@shared/ipc-contract'
import { AppError } from './app-error'

// A bearer token is printable ASCII. Anything else (a line break, a zero-width space pasted from a chat, a
// smart quote) would be refused by the HTTP stack with an error nobody understands, so it is refused here.
const TOKEN_CHARACTERS = /^[\x21-\x7e]+$/

export function normalizeToken(raw: string): string {
  const token = raw.trim()
  if (token.length === 0) throw new AppError('token-empty', 'Paste your personal access token first.')
  if (token.length > MAX_TOKEN_LENGTH) {
    throw new AppError(
      'token-too-long',
      'That is far too long to be a Plugchoice token (over 4 KB). Paste only the token.',
    )
  }
  if (!TOKEN_CHARACTERS.test(token)) {
    throw new AppError(
      'token-invalid-characters',
      'The token contains spaces, line breaks or control characters. Paste only the token, exactly as Plugchoice showed it.',
    )
  }
  return token
}
