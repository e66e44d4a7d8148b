import { describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => import('../../fakes/electron'))

import { COMMANDS } from '@shared/ipc-channels'
import { BRIDGE_GLOBAL, type RendererBridge } from '@shared/ipc-contract'

type Fake = typeof import('../../fakes/electron')
let contextBridge: Fake['contextBridge']
let ipcRenderer: Fake['ipcRenderer']

// The preload runs once per page load: each test loads it afresh, with a fresh fake `electron`.
async function loadBridge(): Promise<RendererBridge> {
  vi.resetModules()
  // The mocked module itself (vi.mock's factory result outlives resetModules), not a second copy of the fake.
  const fake = (await import('electron')) as unknown as Fake
  fake.resetFakeElectron()
  ;({ contextBridge, ipcRenderer } = fake)
  await import('../../../electron/preload/index')
  const bridge = contextBridge.exposed.get(BRIDGE_GLOBAL) as RendererBridge | undefined
  if (!bridge) throw new Error('the preload exposed nothing')
  return bridge
}

describe('preload bridge', () => {
  it('exposes exactly one bridge, under the contract’s name', async () => {
    await loadBridge()
    expect([...contextBridge.exposed.keys()]).toEqual(['plugfleet'])
  })

  it('has exactly one function per command of the contract', async () => {
    const bridge = await loadBridge()
    expect(Object.keys(bridge.invoke).sort()).toEqual([...COMMANDS].sort())
    for (const channel of COMMANDS) expect(typeof bridge.invoke[channel]).toBe('function')
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on'])
  })

  it('each function invokes its own channel with the request and returns main’s answer', async () => {
    const bridge = await loadBridge()
    ipcRenderer.answer = (channel, args) => ({ ok: true, data: { channel, args } })
    await expect(bridge.invoke['settings:set']({ pollIntervalSec: 90 })).resolves.toEqual({
      ok: true,
      data: { channel: 'settings:set', args: [{ pollIntervalSec: 90 }] },
    })
    await bridge.invoke['auth:status'](undefined)
    expect(ipcRenderer.invoked.map((call) => call.channel)).toEqual(['settings:set', 'auth:status'])
  })

  it('an event listener gets the payload only, never the IpcRendererEvent', async () => {
    const bridge = await loadBridge()
    const heard: unknown[][] = []
    bridge.on('ui:show-charger', (...args: unknown[]) => heard.push(args))
    ipcRenderer.deliver('ui:show-charger', { uuid: 'c-7' })
    expect(heard).toEqual([[{ uuid: 'c-7' }]])
  })

  it('the unsubscribe stops that listener only, and is safe to call twice', async () => {
    const bridge = await loadBridge()
    const first: unknown[] = []
    const second: unknown[] = []
    const stopFirst = bridge.on('fleet:status', (payload) => first.push(payload))
    bridge.on('fleet:status', (payload) => second.push(payload))
    ipcRenderer.deliver('fleet:status', 1)
    stopFirst()
    stopFirst()
    ipcRenderer.deliver('fleet:status', 2)
    expect(first).toEqual([1])
    expect(second).toEqual([1, 2])
    expect(ipcRenderer.listenerCount('fleet:status')).toBe(1)
  })

  it('refuses to listen to a channel that is not an event of the contract', async () => {
    const bridge = await loadBridge()
    expect(() => bridge.on('auth:sign-in' as never, () => {})).toThrow(/Unknown event/)
    expect(() => bridge.on('ELECTRON_BROWSER_WINDOW_ALERT' as never, () => {})).toThrow(/Unknown event/)
    expect(ipcRenderer.eventNames()).toEqual([])
  })
})
