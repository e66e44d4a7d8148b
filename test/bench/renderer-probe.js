// Browser-side probes of the renderer benchmark, injected before the app's scripts. Plain JavaScript on
// purpose: functions compiled by tsx/esbuild carry a `__name` helper that does not exist in the page.
;(() => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
  const probe = { snapshotAt: null, bodyInPageAt: null, firstRowsAt: null, countLineAt: null, removedRows: 0 }

  // Two moments of the snapshot's arrival, both without touching the response: its last byte reaching the
  // browser (resource timing), and its body in the page's hands (the renderer's own mark, set when
  // response.text() resolves). Between them Chromium moves the 8 MB body into the page: transport, which
  // Electron's IPC does differently; the bench reports it separately.
  const bodyInPage = () => {
    const marks = performance.getEntriesByName('plugfleet:fleet:snapshot-received')
    return marks.length ? marks[marks.length - 1].startTime : null
  }
  const snapshotArrival = () => {
    const entries = performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.includes('/ipc/fleet:snapshot'))
    const big = entries.filter((entry) => entry.encodedBodySize > 1_000_000 || entry.decodedBodySize > 1_000_000)
    return big.length ? big[big.length - 1].responseEnd : null
  }
  new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.removedNodes)
        if (node instanceof Element && node.getAttribute('role') === 'row') probe.removedRows++
    // The header's count line with the fleet in it ("10,000 chargers", not the "0 chargers" before the snapshot).
    if (probe.countLineAt === null) {
      const total = document.querySelector('.total')
      if (total && /^[1-9][\d,]* chargers?$/.test(total.textContent.trim())) {
        requestAnimationFrame(() => setTimeout(() => (probe.countLineAt ??= performance.now()), 0))
      }
    }
    if (probe.firstRowsAt !== null) return
    probe.snapshotAt ??= snapshotArrival()
    if (probe.snapshotAt === null) return
    if (document.querySelectorAll('[role="row"]').length > 5) {
      requestAnimationFrame(() =>
        setTimeout(() => {
          probe.firstRowsAt ??= performance.now()
          probe.bodyInPageAt ??= bodyInPage()
        }, 0),
      )
    }
  }).observe(document, { childList: true, subtree: true })

  /** 50 inputs, each timed from the event to the frame after the DOM settled (rAF, then a task). */
  probe.timeInputs = async (kind) => {
    const times = []
    const queries = [
      'a',
      'al',
      'alf',
      'alfe',
      'alfen',
      'depot',
      'dep',
      'ground',
      'gro',
      'z',
      'za',
      'zap',
      'eve',
      '1.',
      'fault',
      '',
    ]
    const input = document.activeElement
    const filterButtons = [...document.querySelectorAll('button[aria-pressed]')]
    for (let i = 0; i < 50; i++) {
      const started = performance.now()
      if (kind === 'search') {
        input.value = queries[i % queries.length]
        input.dispatchEvent(new Event('input', { bubbles: true }))
      } else {
        filterButtons[i % filterButtons.length].click()
      }
      await frame()
      times.push(performance.now() - started)
    }
    if (kind === 'search') {
      input.value = ''
      input.dispatchEvent(new Event('input', { bubbles: true }))
    } else {
      for (const button of filterButtons) if (button.getAttribute('aria-pressed') === 'true') button.click()
    }
    await frame()
    return times
  }

  /** The most row elements in the DOM at several scroll positions of the list. */
  probe.rowElementsWhileScrolling = async () => {
    const grid = document.querySelector('[role="grid"], [role="table"], table')
    const scrollers = [grid, ...grid.querySelectorAll('*')].filter(
      (el) => el.scrollHeight > el.clientHeight + 10 && getComputedStyle(el).overflowY !== 'visible',
    )
    const scroller = scrollers[0] ?? document.scrollingElement
    let max = 0
    for (const fraction of [0, 0.1, 0.33, 0.5, 0.77, 0.99, 1]) {
      scroller.scrollTop = fraction * (scroller.scrollHeight - scroller.clientHeight)
      await frame()
      await frame()
      max = Math.max(max, document.querySelectorAll('[role="row"]').length)
    }
    scroller.scrollTop = 0
    await frame()
    return max
  }

  window.__probe = probe
})()
