import { beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => import('../../fakes/electron'))

import { app, BrowserWindow, FakeNotification, resetFakeElectron } from '../../fakes/electron'
import { Notifier, registerNotificationIdentity } from '@main/electron/notifier'

beforeEach(() => resetFakeElectron())

describe('notifier', () => {
  it('shows the spec as given, silent when asked, without touching the window', () => {
    const window = new BrowserWindow({ show: false })
    const notifier = new Notifier({ onClick: () => window.show() })
    expect(
      notifier.show({
        title: 'Garage east went offline',
        body: 'Offline since 14:05',
        chargerUuid: 'c-7',
        silent: true,
      }),
    ).toBe(true)
    const [shown] = FakeNotification.instances
    expect(shown).toMatchObject({
      title: 'Garage east went offline',
      body: 'Offline since 14:05',
      silent: true,
      shown: true,
    })
    // Showing a notification never steals focus: the window is untouched until the user clicks.
    expect(window.calls).toEqual([])
    expect(window.isVisible()).toBe(false)
  })

  it('a click opens the window on that charger', () => {
    const clicks: Array<string | null> = []
    const notifier = new Notifier({ onClick: (uuid) => clicks.push(uuid) })
    notifier.show({ title: '5 chargers went offline', body: 'A, B, C and 2 more', chargerUuid: null, silent: false })
    notifier.show({ title: 'New fault', body: 'Depot 3: GroundFailure', chargerUuid: 'c-3', silent: false })
    FakeNotification.instances[1]!.click()
    FakeNotification.instances[0]!.click()
    expect(clicks).toEqual(['c-3', null])
  })

  it('keeps a notification alive after Windows closes its toast into the Action Center', () => {
    const clicks: Array<string | null> = []
    const notifier = new Notifier({ onClick: (uuid) => clicks.push(uuid) })
    notifier.show({ title: 'Back online', body: 'Garage east', chargerUuid: 'c-7', silent: true })
    FakeNotification.instances[0]!.close()
    FakeNotification.instances[0]!.click()
    expect(clicks).toEqual(['c-7'])
  })

  it('escapes body markup on Linux and strips newlines and bidi overrides everywhere, cut to length', () => {
    const spec = {
      title: 'Depot\u202E7\nis back online',
      body: `Fault: <a href="https://evil.example">update</a> <img src="x"> & ${'E'.repeat(2000)}`,
      chargerUuid: 'c-1',
      silent: false,
    }
    new Notifier({ onClick: () => {}, platform: 'linux' }).show(spec)
    new Notifier({ onClick: () => {}, platform: 'darwin' }).show(spec)
    const [linux, mac] = FakeNotification.instances
    expect(linux!.title).toBe('Depot 7 is back online')
    expect(
      linux!.body.startsWith(
        'Fault: &lt;a href="https://evil.example"&gt;update&lt;/a&gt; &lt;img src="x"&gt; &amp; E',
      ),
    ).toBe(true)
    expect(linux!.body).not.toMatch(/[<>]/)
    expect(mac!.title).toBe('Depot 7 is back online')
    expect(mac!.body.startsWith('Fault: <a href="https://evil.example">update</a>')).toBe(true)
    expect(mac!.body).toHaveLength(400)
  })

  it('says false where the desktop has no notifications', () => {
    FakeNotification.supported = false
    const notifier = new Notifier({ onClick: () => {} })
    expect(notifier.show({ title: 't', body: 'b', chargerUuid: null, silent: false })).toBe(false)
    expect(FakeNotification.instances).toHaveLength(0)
  })

  it('sets the AppUserModelId on Windows only', () => {
    registerNotificationIdentity('linux', 'com.plugchoice.fleet')
    registerNotificationIdentity('darwin', 'com.plugchoice.fleet')
    expect(app.appUserModelId).toBeNull()
    registerNotificationIdentity('win32', 'com.plugchoice.fleet')
    expect(app.appUserModelId).toBe('com.plugchoice.fleet')
  })
})
