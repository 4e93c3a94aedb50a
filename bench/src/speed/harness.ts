/**
 * The harness every client-speed comparison shares: sides that do the same request (a raw `fetch`
 * and a client), a fresh emulator every round, the sides taking turns one wave at a time with the
 * order rotating every wave, and the request log cleared between waves, so warm-up, GC, load from
 * other processes and a server that slows as it ages weigh on every side alike. The result is a
 * ratio to raw fetch, never a time: the median of the rounds' ratios, with their spread.
 *
 * Two ratios per side: requests per second (wall time), and CPU time per request (the process's,
 * which includes the in-process emulator's share, the same for every side). On a machine shared
 * with other work the wall ratio swings with their load; the CPU ratio barely does, and since a
 * saturated machine's throughput is one over the CPU per request, it is the floor the wall ratio
 * tends to as load grows.
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
  /** Process CPU microseconds per request over every round. */
  readonly cpuPerRequest: number;
  /** The median of the rounds' CPU ratios (baseline CPU time / this side's CPU time). */
  readonly cpuRatio: number;
  readonly cpuMin: number;
  readonly cpuMax: number;
}

export interface CompareResult {
  readonly concurrency: number;
  readonly requestsPerSide: number;
  readonly rounds: number;
  /** The baseline first. */
  readonly sides: readonly SideResult[];
}

/** Runs `count` calls with `concurrency` in flight; returns the wall seconds and CPU microseconds it took. */
export async function timed(call: Call, count: number, concurrency: number): Promise<[number, number]> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next += 1;
      await call();
    }
  };
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  return [seconds, used.user + used.system];
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
  const cpuTotals = new Map<string, number>();
  const ratios = new Map<string, number[]>();
  const cpuRatios = new Map<string, number[]>();
  for (let r = 0; r < rounds; r++) {
    const round = await start();
    try {
      const { sides } = round;
      for (const [, call] of sides) await timed(call, options.warmup, concurrency);
      round.clear();
      const seconds = sides.map(() => 0);
      const cpu = sides.map(() => 0);
      for (let wave = 0; wave < waves; wave++) {
        for (let i = 0; i < sides.length; i++) {
          const at = (i + wave + r) % sides.length;
          const [wall, micros] = await timed(sides[at]![1], concurrency, concurrency);
          seconds[at]! += wall;
          cpu[at]! += micros;
        }
        round.clear();
      }
      sides.forEach(([name], i) => {
        totals.set(name, (totals.get(name) ?? 0) + seconds[i]!);
        cpuTotals.set(name, (cpuTotals.get(name) ?? 0) + cpu[i]!);
        ratios.set(name, [...(ratios.get(name) ?? []), seconds[0]! / seconds[i]!]);
        cpuRatios.set(name, [...(cpuRatios.get(name) ?? []), cpu[0]! / cpu[i]!]);
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
      const cpuList = cpuRatios.get(name)!;
      return {
        name,
        rps: requestsPerSide / time,
        ratio: median(list),
        min: Math.min(...list),
        max: Math.max(...list),
        cpuPerRequest: cpuTotals.get(name)! / requestsPerSide,
        cpuRatio: median(cpuList),
        cpuMin: Math.min(...cpuList),
        cpuMax: Math.max(...cpuList),
      };
    }),
  };
}
