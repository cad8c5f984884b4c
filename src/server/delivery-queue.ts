/**
 * Deliveries handled at once, and those waiting (issue 15 item 10). 200 signed deliveries at once left most checks
 * unposted after 8 minutes at 1.47 GB: every one was handled at the same time. Here at most `running` are handled at
 * once and the rest wait in a bounded queue (by count and by body bytes); a delivery that finds the queue full is
 * refused (503) so GitHub records a failed delivery that can be redelivered. A flood turns into waiting, not memory.
 */
export interface DeliveryQueueLimits {
  /** Deliveries handled at once. */
  running: number;
  /** Deliveries waiting for a slot. */
  waiting: number;
  /** Body bytes of the waiting deliveries together. */
  waitingBytes: number;
}

export const DEFAULT_DELIVERY_QUEUE: DeliveryQueueLimits = { running: 2, waiting: 100, waitingBytes: 64 * 1024 * 1024 };

export class DeliveryQueue {
  #running = 0;
  #waitingBytes = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(readonly limits: DeliveryQueueLimits = DEFAULT_DELIVERY_QUEUE) {}

  get running(): number {
    return this.#running;
  }

  get waiting(): number {
    return this.#waiting.length;
  }

  /**
   * Runs the task now when a slot is free, else once one is; undefined when the queue is full (nothing is run).
   * `bytes` is what the waiting delivery holds (its body).
   */
  offer<T>(bytes: number, task: () => Promise<T>): { queued: boolean; done: Promise<T> } | undefined {
    if (this.#running < this.limits.running) {
      this.#running++;
      return { queued: false, done: this.#run(task) };
    }
    if (this.#waiting.length >= this.limits.waiting || this.#waitingBytes + bytes > this.limits.waitingBytes) return undefined;
    this.#waitingBytes += bytes;
    // The slot is handed over by the task that ends (#release), never taken by a newcomer in between.
    const slot = new Promise<void>((resolve) => this.#waiting.push(resolve));
    return {
      queued: true,
      done: slot.then(() => {
        this.#waitingBytes -= bytes;
        return this.#run(task);
      }),
    };
  }

  async #run<T>(task: () => Promise<T>): Promise<T> {
    try {
      return await task();
    } finally {
      this.#release();
    }
  }

  #release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#running--;
  }
}
