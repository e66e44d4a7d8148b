import { describe, expect, it } from 'vitest'
import { SseParser } from '@renderer/transport/web/sse-parser'

describe('the event-stream parser', () => {
  it('reads named events with JSON data', () => {
    const parser = new SseParser()
    expect(parser.push('event: fleet:status\ndata: {"a":1}\n\nevent: auth:changed\ndata: {}\n\n')).toEqual([
      { event: 'fleet:status', data: '{"a":1}' },
      { event: 'auth:changed', data: '{}' },
    ])
  })

  it('joins messages split anywhere across chunks, including inside a CRLF', () => {
    const text = 'event: fleet:delta\r\ndata: {"big":"' + 'x'.repeat(5000) + '"}\r\n\r\n'
    for (const size of [1, 2, 7, 64, 4096]) {
      const parser = new SseParser()
      const got = []
      for (let i = 0; i < text.length; i += size) got.push(...parser.push(text.slice(i, i + size)))
      expect(got).toEqual([{ event: 'fleet:delta', data: '{"big":"' + 'x'.repeat(5000) + '"}' }])
    }
  })

  it('ignores comments (keep-alives), id and retry, and messages without data', () => {
    const parser = new SseParser()
    expect(parser.push(': ping\n\nid: 4\nretry: 1000\nevent: x\n\ndata: only\n\n')).toEqual([
      { event: 'message', data: 'only' },
    ])
  })

  it('joins several data lines with newlines and accepts a bare CR as line end', () => {
    const parser = new SseParser()
    expect(parser.push('event: e\rdata: one\rdata:two\r\r')).toEqual([{ event: 'e', data: 'one\ntwo' }])
  })

  it('keeps an unfinished message until its blank line arrives', () => {
    const parser = new SseParser()
    expect(parser.push('event: e\ndata: 1\n')).toEqual([])
    expect(parser.push('\n')).toEqual([{ event: 'e', data: '1' }])
  })
})
