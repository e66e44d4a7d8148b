import { describe, expect, it } from 'vitest'
import { Coverage, stripOf, timeline, uptimeOf } from '@main/history/uptime'

const H = 3600

describe('uptime arithmetic', () => {
  it('measures the overlap of an interval with merged watch spans', () => {
    const coverage = new Coverage([
      { start: 50, end: 60 },
      { start: 0, end: 10 },
      { start: 5, end: 20 },
    ])
    expect(coverage.spans).toEqual([
      { start: 0, end: 20 },
      { start: 50, end: 60 },
    ])
    expect(coverage.measure(10, 55)).toBe(15)
    expect(coverage.measure(20, 50)).toBe(0)
    expect(coverage.measure(-100, 100)).toBe(30)
  })

  it('counts an outage the API reports inside an unwatched gap from its own moments', () => {
    // Watched 0–1 h and 9–10 h. Observed at 9 h: it came back at 8 h (API) after going offline at 0.5 h (seen).
    const coverage = new Coverage([
      { start: 0, end: H },
      { start: 9 * H, end: 10 * H },
    ])
    const segments = timeline(0, 10 * H, { firstSeen: 0, present: true, bucket: 'ok' }, [
      { at: 0.5 * H, eff: 0.5 * H, from: 'ok', to: 'offline' },
      { at: 9 * H, eff: 8 * H, from: 'offline', to: 'ok' },
    ])
    const figures = uptimeOf(segments, coverage)
    // Known: 0–1 h watched, 8–9 h from the API's last_connection_at, 9–10 h watched. 1–8 h is not watched.
    expect(figures.knownSec).toBe(3 * H)
    expect(figures.upSec).toBe(0.5 * H + 2 * H)
    expect(figures.longestOutageSec).toBe(7.5 * H)
    expect(stripOf(segments, coverage).map((s) => [s.state, s.start / H, s.end / H])).toEqual([
      ['ok', 0, 0.5],
      ['offline', 0.5, 1],
      ['not_watched', 1, 8],
      ['ok', 8, 10],
    ])
  })

  it('never counts time before the charger was first seen, nor unknown or attention as down', () => {
    const coverage = new Coverage([{ start: 0, end: 10 * H }])
    const segments = timeline(0, 10 * H, { firstSeen: 4 * H, present: true, bucket: 'attention' }, [
      { at: 6 * H, eff: 6 * H, from: 'unknown', to: 'attention' },
    ])
    expect(uptimeOf(segments, coverage)).toEqual({ upSec: 4 * H, knownSec: 4 * H, longestOutageSec: 0 })
    expect(stripOf(segments, coverage)[0]).toEqual({ start: 0, end: 4 * H, state: 'absent' })
  })

  it('says "not watched", not "not in the fleet", for the time before the app watched at all', () => {
    const coverage = new Coverage([{ start: 2 * H, end: 10 * H }])
    const segments = timeline(0, 10 * H, { firstSeen: 4 * H, present: true, bucket: 'ok' }, [])
    expect(stripOf(segments, coverage).map((s) => [s.state, s.start / H, s.end / H])).toEqual([
      ['not_watched', 0, 2],
      ['absent', 2, 4],
      ['ok', 4, 10],
    ])
  })
})
