/**
 * Trove answers a write with 202 and applies it later (docs/vendors/rackspace.md §1.1, §3); the test
 * decides when: at once, after a delay, or when it calls `applyWrites()`.
 */
import type { RackspaceWrites } from "./options.js";

export class WriteQueue {
  readonly #mode: RackspaceWrites;
  readonly #queue: (() => void)[] = [];
  readonly #timers = new Map<ReturnType<typeof setTimeout>, () => void>();

  constructor(mode: RackspaceWrites = "immediate") {
    this.#mode = mode;
  }

  get pending(): number {
    return this.#queue.length + this.#timers.size;
  }

  accept(apply: () => void): void {
    if (this.#mode === "immediate") apply();
    else if (this.#mode === "manual") this.#queue.push(apply);
    else {
      const timer = setTimeout(() => {
        this.#timers.delete(timer);
        apply();
      }, this.#mode.delayMs);
      // A pending write must not keep a test process alive.
      timer.unref();
      this.#timers.set(timer, apply);
    }
  }

  applyAll(): number {
    const due = this.#queue.splice(0);
    for (const [timer, apply] of this.#timers) {
      clearTimeout(timer);
      due.push(apply);
    }
    this.#timers.clear();
    for (const apply of due) apply();
    return due.length;
  }

  /** Drops every pending write (reset). */
  clear(): void {
    this.#queue.length = 0;
    for (const timer of this.#timers.keys()) clearTimeout(timer);
    this.#timers.clear();
  }
}
