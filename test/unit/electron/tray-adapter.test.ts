import { beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => import('../../fakes/electron'))

import { FakeMenu, FakeTray, resetFakeElectron } from '../../fakes/electron'
import { runTrayAction, TrayAdapter, type TrayActionTargets } from '@main/electron/tray-adapter'
import type { TrayAction, TrayView } from '@main/tray/tray-view'

const okView: TrayView = {
  image: 'ok',
  tooltip: 'Plugchoice Fleet — 42 chargers · updated 14:05',
  menu: [
    { kind: 'item', label: '42 chargers · all OK', enabled: false, action: null },
    { kind: 'separator' },
    { kind: 'item', label: 'Refresh now', enabled: true, action: { type: 'refresh' } },
    {
      kind: 'submenu',
      label: 'Pause notifications',
      items: [
        { kind: 'item', label: 'For 1 hour', enabled: true, action: { type: 'pause-notifications', until: 'hour' } },
        {
          kind: 'item',
          label: 'Until tomorrow',
          enabled: true,
          action: { type: 'pause-notifications', until: 'tomorrow' },
        },
      ],
    },
    { kind: 'item', label: 'Open Plugchoice Fleet', enabled: true, action: { type: 'open-window' } },
    { kind: 'item', label: 'Quit', enabled: true, action: { type: 'quit' } },
  ],
}

const problemView: TrayView = {
  image: 'problem',
  tooltip: 'Plugchoice Fleet — 42 chargers · 1 offline · updated 14:06',
  menu: [
    { kind: 'item', label: '42 chargers · 1 offline', enabled: false, action: null },
    {
      kind: 'item',
      label: 'Garage east — offline 12 min',
      enabled: true,
      action: { type: 'show-charger', uuid: 'c-7' },
    },
    ...okView.menu.slice(1),
  ],
}

let actions: TrayAction[]
let adapter: TrayAdapter

function make(platform: NodeJS.Platform = 'linux') {
  actions = []
  adapter = new TrayAdapter({ iconFor: (image) => `/icons/${image}.png`, onAction: (a) => actions.push(a), platform })
  return adapter
}

function tray(): FakeTray {
  expect(FakeTray.instances).toHaveLength(1)
  return FakeTray.instances[0]!
}

beforeEach(() => resetFakeElectron())

describe('tray adapter', () => {
  it('renders the view: image, tooltip and menu', () => {
    make().render(okView)
    expect(tray().image).toBe('/icons/ok.png')
    expect(tray().toolTip).toBe(okView.tooltip)
    expect(tray().contextMenu!.find('42 chargers · all OK')).toMatchObject({ enabled: false })
    expect(tray().contextMenu!.find('Pause notifications', 'For 1 hour')).toMatchObject({ enabled: true })
  })

  it('keeps an ampersand in a charger name visible on Windows and Linux, as-is on macOS', () => {
    const view: TrayView = {
      ...problemView,
      menu: [
        { kind: 'item', label: 'Smith & Sons — offline', enabled: true, action: { type: 'show-charger', uuid: 'c-1' } },
      ],
    }
    make('win32').render(view)
    expect(tray().contextMenu!.find('Smith && Sons — offline')).toBeTruthy()
    resetFakeElectron()
    make('darwin').render(view)
    expect(tray().contextMenu!.find('Smith & Sons — offline')).toBeTruthy()
  })

  it('shows charger text in a label as one line, without bidi overrides, cut to length', () => {
    const label = `Depot\u202E3\n— back online\u2066 ${'x'.repeat(500)} — fault: ${'E'.repeat(5000)}`
    const view: TrayView = {
      ...problemView,
      tooltip: `42 chargers\r\n${'y'.repeat(400)}`,
      menu: [{ kind: 'item', label, enabled: true, action: { type: 'show-charger', uuid: 'c-1' } }],
    }
    make('linux').render(view)
    const shown = tray().contextMenu!.template[0]!.label!
    expect(shown.startsWith('Depot 3 — back online x')).toBe(true)
    expect(shown).toHaveLength(80)
    expect(shown).not.toMatch(/\p{Cc}|[\u202a-\u202e\u2066-\u2069]/u)
    expect(tray().toolTip).toMatch(/^42 chargers y+…$/)
    expect(tray().toolTip.length).toBe(120)
  })

  it('rendering the same view again changes nothing (no churn)', () => {
    make().render(okView)
    const before = [...tray().calls]
    const built = FakeMenu.builtCount
    adapter.render(structuredClone(okView))
    adapter.render(structuredClone(okView))
    expect(tray().calls).toEqual(before)
    expect(FakeMenu.builtCount).toBe(built)
    expect(FakeTray.instances).toHaveLength(1)
  })

  it('a change touches only what changed, and the menu is rebuilt when it changes', () => {
    make().render(okView)
    tray().calls.length = 0
    adapter.render({ ...okView, tooltip: 'Plugchoice Fleet — 42 chargers · updated 14:07' })
    expect(tray().calls).toEqual(['setToolTip'])

    tray().calls.length = 0
    adapter.render(problemView)
    expect(tray().calls).toEqual(['setImage', 'setToolTip', 'setContextMenu'])
    expect(tray().image).toBe('/icons/problem.png')
    expect(tray().contextMenu!.find('Garage east — offline 12 min')).toBeDefined()
  })

  it('menu items dispatch their actions; the summary line does nothing', () => {
    make().render(problemView)
    const menu = tray().contextMenu!
    menu.click('Garage east — offline 12 min')
    menu.click('Refresh now')
    menu.click('Pause notifications', 'Until tomorrow')
    menu.click('Open Plugchoice Fleet')
    menu.click('Quit')
    expect(actions).toEqual([
      { type: 'show-charger', uuid: 'c-7' },
      { type: 'refresh' },
      { type: 'pause-notifications', until: 'tomorrow' },
      { type: 'open-window' },
      { type: 'quit' },
    ])
    expect(() => menu.click('42 chargers · 1 offline')).toThrow(/disabled/)
  })

  it('a click on the icon opens the window on Windows; macOS leaves the click to the menu', () => {
    make('win32').render(okView)
    tray().click()
    expect(actions).toEqual([{ type: 'open-window' }])

    resetFakeElectron()
    make('darwin').render(okView)
    tray().click()
    expect(actions).toEqual([])
  })

  it('destroy removes the icon; a later render makes a new one', () => {
    make().render(okView)
    adapter.destroy()
    expect(FakeTray.instances[0]!.isDestroyed()).toBe(true)
    adapter.render(okView)
    expect(FakeTray.instances).toHaveLength(2)
    expect(FakeTray.instances[1]!.toolTip).toBe(okView.tooltip)
  })
})

describe('tray actions', () => {
  function targets() {
    const calls: string[] = []
    const t: TrayActionTargets = {
      refreshNow: (reason) => void calls.push(`refresh ${reason}`),
      pauseNotifications: async (until) => void calls.push(`pause ${until}`),
      showCharger: (uuid) => void calls.push(`charger ${uuid}`),
      showWindow: () => void calls.push('window'),
      quit: () => void calls.push('quit'),
    }
    return { t, calls }
  }

  it.each<[TrayAction, string[]]>([
    [{ type: 'open-window' }, ['window']],
    [{ type: 'show-charger', uuid: 'c-7' }, ['window', 'charger c-7']],
    [{ type: 'refresh' }, ['refresh tray']],
    [{ type: 'pause-notifications', until: 'four-hours' }, ['pause four-hours']],
    [{ type: 'resume-notifications' }, ['pause null']],
    [{ type: 'quit' }, ['quit']],
  ])('%j', (action, expected) => {
    const { t, calls } = targets()
    runTrayAction(t, action)
    expect(calls).toEqual(expected)
  })

  it('a failing pause is reported, not thrown into the menu', async () => {
    const { t } = targets()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    t.pauseNotifications = async () => {
      throw new Error('disk full')
    }
    expect(() => runTrayAction(t, { type: 'pause-notifications', until: 'hour' })).not.toThrow()
    await vi.waitFor(() => expect(warn).toHaveBeenCalledWith(expect.stringContaining('disk full')))
    warn.mockRestore()
  })
})
