// Browser-side probes of the renderer benchmark, injected before the app's scripts. Plain JavaScript on
// purpose: functions compiled by tsx/esbuild carry a `__name` helper that does not exist in the page.
;(() => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
  const probe = { snapshotAt: null, firstRowsAt: null, removedRows: 0 }

  // When the whole fleet snapshot has arrived (body read), and when rows first appear after it.
  const realFetch = window.fetch.bind(window)
  window.fetch = async (input, init) => {
    const response = await realFetch(input, init)
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    if (!url.includes('/ipc/fleet:snapshot')) return response
    const body = await response.text()
    if (body.length > 1_000_000) probe.snapshotAt = performance.now()
    return new Response(body, { status: response.status, headers: response.headers })
  }
  new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.removedNodes) if (node instanceof Element && node.getAttribute('role') === 'row') probe.removedRows++
    if (probe.snapshotAt === null || probe.firstRowsAt !== null) return
    if (document.querySelectorAll('[role="row"]').length > 5) {
      requestAnimationFrame(() => setTimeout(() => (probe.firstRowsAt ??= performance.now()), 0))
    }
  }).observe(document, { childList: true, subtree: true })

  /** 50 inputs, each timed from the event to the frame after the DOM settled (rAF, then a task). */
  probe.timeInputs = async (kind) => {
    const times = []
    const queries = ['a', 'al', 'alf', 'alfe', 'alfen', 'depot', 'dep', 'ground', 'gro', 'z', 'za', 'zap', 'eve', '1.', 'fault', '']
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
