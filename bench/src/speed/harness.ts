/**
 * The harness every client-speed comparison shares: sides that do the same request (a raw `fetch`
 * and a client), a fresh emulator every round, the sides taking turns one wave at a time with the
 * order rotating every wave, and the request log cleared between waves, so warm-up, GC, load from
 * other processes and a server that slows as it ages weigh on every side alike. The result is a
 * ratio to raw fetch, never a time: the median of the rounds' ratios, with their spread.
 */

export type Call = () => Promise<unknown>;

/** One round's sides on a fresh emulator. The first side is the baseline (raw fetch). */
export interface Round {
  readonly sides: readonly (readonly [name: string, call: Call])[];
  /** Forgets what the emulator recorded (its request log), between waves. */
  readonly clear: () => void;
  readonly close: () => Promise<void>;
}

export interface CompareOptions {
  readonly concurrency: number;
  /** Requests per side over the whole run. */
  readonly requests: number;
  /** Fresh emulators, one per round. */
  readonly rounds: number;
  /** Requests per side before each round's timing starts. */
  readonly warmup: number;
}

export interface SideResult {
  readonly name: string;
  /** Requests per second over every round. */
  readonly rps: number;
  /** The median of the rounds' ratios (baseline seconds / this side's seconds). */
  readonly ratio: number;
  readonly min: number;
  readonly max: number;
}

export interface CompareResult {
  readonly concurrency: number;
  readonly requestsPerSide: number;
  readonly rounds: number;
  /** The baseline first. */
  readonly sides: readonly SideResult[];
}

/** Runs `count` calls with `concurrency` in flight; returns the seconds it took. */
export async function timed(call: Call, count: number, concurrency: number): Promise<number> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next += 1;
      await call();
    }
  };
  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return Number(process.hrtime.bigint() - start) / 1e9;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Every side against the baseline, round after round on a fresh emulator from `start`. */
export async function compare(start: () => Promise<Round>, options: CompareOptions): Promise<CompareResult> {
  const { concurrency, rounds } = options;
  const waves = Math.max(1, Math.ceil(options.requests / concurrency / rounds));
  const totals = new Map<string, number>();
  const ratios = new Map<string, number[]>();
  for (let r = 0; r < rounds; r++) {
    const round = await start();
    try {
      const { sides } = round;
      for (const [, call] of sides) await timed(call, options.warmup, concurrency);
      round.clear();
      const seconds = sides.map(() => 0);
      for (let wave = 0; wave < waves; wave++) {
        for (let i = 0; i < sides.length; i++) {
          const at = (i + wave + r) % sides.length;
          seconds[at]! += await timed(sides[at]![1], concurrency, concurrency);
        }
        round.clear();
      }
      sides.forEach(([name], i) => {
        totals.set(name, (totals.get(name) ?? 0) + seconds[i]!);
        ratios.set(name, [...(ratios.get(name) ?? []), seconds[0]! / seconds[i]!]);
      });
    } finally {
      await round.close();
    }
  }
  const requestsPerSide = rounds * waves * concurrency;
  return {
    concurrency,
    requestsPerSide,
    rounds,
    sides: [...totals].map(([name, time]) => {
      const list = ratios.get(name)!;
      return {
        name,
        rps: requestsPerSide / time,
        ratio: median(list),
        min: Math.min(...list),
        max: Math.max(...list),
      };
    }),
  };
}
