import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { asciiJson } from '@web/bridge-server'

describe('asciiJson', () => {
  it('is plain ASCII and reads back as the same value, whatever the text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: 'binary' }), (value, text) => {
        for (const input of [value, { reference: text }]) {
          const json = asciiJson(input)
          // eslint-disable-next-line no-control-regex -- every ASCII character, control characters included
          expect(json).toMatch(/^[\x00-\x7f]*$/)
          expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(input)))
        }
      }),
    )
  })
})
