// A small typed emitter: listeners of one event never see another's payload, and a throwing listener
// (a closed window, a broken adapter) cannot stop the others from hearing the event.
export class EventHub<Events extends Record<string, unknown>> {
  private readonly listeners = new Map<keyof Events, Set<(payload: never) => void>>()

  on<E extends keyof Events>(event: E, listener: (payload: Events[E]) => void): () => void {
    let set = this.listeners.get(event)
    if (!set) this.listeners.set(event, (set = new Set()))
    set.add(listener)
    return () => set.delete(listener)
  }

  emit<E extends keyof Events>(event: E, payload: Events[E]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        ;(listener as (payload: Events[E]) => void)(payload)
      } catch (error) {
        console.error(
          `[plugfleet] a listener of ${String(event)} failed:`,
          error instanceof Error ? error.message : error,
        )
      }
    }
  }
}
