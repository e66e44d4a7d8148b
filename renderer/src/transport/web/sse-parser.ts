// A parser for the text/event-stream format (WHATWG HTML, "Server-sent events"), fed chunks as they arrive.
// The web preview cannot use EventSource: it must send the secret in a header, which EventSource cannot.

export interface SseMessage {
  event: string
  data: string
}

export class SseParser {
  /** Pieces of the line not yet ended: kept as a list so a multi-megabyte data line stays linear to read. */
  #partial: string[] = []
  #event = ''
  #data: string[] = []
  /** The last chunk ended with \r: a \n starting the next one belongs to the same line end. */
  #pendingCr = false

  /** Feeds decoded text; returns the messages completed by it (a chunk may end mid-line or mid-message). */
  push(chunk: string): SseMessage[] {
    const messages: SseMessage[] = []
    let start = 0
    if (this.#pendingCr && chunk.charCodeAt(0) === 10) start = 1
    this.#pendingCr = false
    for (let i = start; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i)
      if (c !== 10 && c !== 13) continue
      this.#partial.push(chunk.slice(start, i))
      const line = this.#partial.join('')
      this.#partial = []
      if (c === 13) {
        if (i + 1 === chunk.length) this.#pendingCr = true
        else if (chunk.charCodeAt(i + 1) === 10) i++
      }
      start = i + 1
      const message = this.#line(line)
      if (message) messages.push(message)
    }
    if (start < chunk.length) this.#partial.push(chunk.slice(start))
    return messages
  }

  #line(line: string): SseMessage | null {
    if (line === '') {
      // A blank line dispatches; a message with no data line is not dispatched (per the spec).
      const message = this.#data.length ? { event: this.#event || 'message', data: this.#data.join('\n') } : null
      this.#event = ''
      this.#data = []
      return message
    }
    if (line.startsWith(':')) return null // a comment: keep-alive
    const colon = line.indexOf(':')
    const field = colon === -1 ? line : line.slice(0, colon)
    let value = colon === -1 ? '' : line.slice(colon + 1)
    if (value.startsWith(' ')) value = value.slice(1)
    if (field === 'event') this.#event = value
    else if (field === 'data') this.#data.push(value)
    // `id` and `retry` are not used by this app's stream; unknown fields are ignored per the spec.
    return null
  }
}
