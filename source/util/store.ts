/**
 * The smallest observable value React can read with `useSyncExternalStore`: `subscribe` and
 * `getSnapshot` are bound functions (React calls them detached), and the snapshot keeps its
 * identity until `publish` replaces it, which is what stops React from rendering in a loop.
 * Floor 0: it imports nothing of the app.
 */
export class Store<T> {
  #value: T;
  readonly #listeners = new Set<() => void>();

  constructor(initial: T) {
    this.#value = initial;
  }

  /** Registers a change listener; returns the unsubscribe function. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  };

  /** The current value: the same object until the next `publish`. */
  readonly getSnapshot = (): T => this.#value;

  /** Replaces the value and tells every listener, including one that unsubscribes another on the way. */
  publish(next: T): void {
    this.#value = next;
    for (const listener of [...this.#listeners]) listener();
  }

  /** Forgets every listener (the owner is disposed; nothing will be published again). */
  clear(): void {
    this.#listeners.clear();
  }
}
