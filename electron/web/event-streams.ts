// The web preview's open event streams (Server-Sent Events), bounded: at most a few at once (each is a tab of
// the app; a page opening streams in a loop must not exhaust the app), and each with backpressure. An event is
// written only while the socket keeps up; a tab that stops reading (a frozen or throttled background tab) and
// falls more than MAX_BUFFERED_BYTES behind is disconnected instead of growing main's memory without end. Its
// client reconnects and reloads the snapshot (renderer/src/lib/web-bridge.ts).
import type { ServerResponse } from 'node:http'

export const MAX_EVENT_STREAMS = 8
export const MAX_BUFFERED_BYTES = 4 * 1024 * 1024

export class EventStreams {
  private readonly streams = new Set<ServerResponse>()

  constructor(private readonly limits = { streams: MAX_EVENT_STREAMS, bufferedBytes: MAX_BUFFERED_BYTES }) {}

  get size(): number {
    return this.streams.size
  }

  /** False when the limit of open streams is reached: the caller refuses the request. */
  canOpen(): boolean {
    return this.streams.size < this.limits.streams
  }

  add(response: ServerResponse): void {
    this.streams.add(response)
    response.on('close', () => this.streams.delete(response))
  }

  /** Writes one frame to every stream; a stream too far behind is closed rather than buffered further. */
  broadcast(frame: string): void {
    for (const stream of this.streams) this.write(stream, frame)
  }

  write(stream: ServerResponse, frame: string): void {
    if (stream.writableLength + Buffer.byteLength(frame) > this.limits.bufferedBytes) {
      this.streams.delete(stream)
      stream.destroy()
      return
    }
    stream.write(frame)
  }

  endAll(): void {
    for (const stream of this.streams) stream.end()
  }
}
