/**
 * Timing contenders in turns. These machines change speed from one second to the next (shared
 * cores), so timing one contender after another lets a slow spell land on one of them: the same
 * run once gave a hand-written loop 29 ns and the next 43 ns. Here every round times one batch of
 * each contender, in a rotating order, and the result is the median of the per-round ratios to
 * the baseline: a slow spell costs every contender of that round alike.
 */

/** One contender: a function that does one operation per call (its result must be consumed). */
export type Operation = () => void;

export interface Timing {
  readonly name: string;
  /** Median nanoseconds per operation over the rounds. */
  readonly ns: number;
  /** Median, 25th and 75th percentile of (this contender's time / the baseline's) per round. */
  readonly ratio: number;
  readonly p25: number;
  readonly p75: number;
}

export interface InterleaveOptions {
  readonly rounds?: number;
  /** Wall time one batch aims at, in milliseconds. */
  readonly batchMs?: number;
  readonly warmupCalls?: number;
}

function quantile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}

function batchNs(op: Operation, calls: number): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) op();
  return Number(process.hrtime.bigint() - start) / calls;
}

/** Calls that take about `batchMs` (doubling from 1,000). */
function calibrate(op: Operation, batchMs: number): number {
  let calls = 1000;
  while (batchNs(op, calls) * calls < batchMs * 1e6 && calls < 1e8) calls *= 2;
  return calls;
}

/** Times every contender in turns; ratios are to the first one (the baseline). */
export function interleave(
  contenders: readonly (readonly [string, Operation])[],
  options: InterleaveOptions = {},
): Timing[] {
  const rounds = options.rounds ?? 21;
  const batchMs = options.batchMs ?? 25;
  // Warm up first: the first contender timed would otherwise pay for the JIT's work.
  for (const [, op] of contenders) for (let i = 0; i < (options.warmupCalls ?? 50_000); i++) op();
  const calls = contenders.map(([, op]) => calibrate(op, batchMs));
  const perRound = contenders.map(() => [] as number[]);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const i = (k + round) % contenders.length;
      perRound[i]!.push(batchNs(contenders[i]![1], calls[i]!));
    }
  }
  const base = perRound[0]!;
  return contenders.map(([name], i) => {
    const ratios = perRound[i]!.map((ns, round) => ns / base[round]!).sort((a, b) => a - b);
    const times = [...perRound[i]!].sort((a, b) => a - b);
    return {
      name,
      ns: quantile(times, 0.5),
      ratio: quantile(ratios, 0.5),
      p25: quantile(ratios, 0.25),
      p75: quantile(ratios, 0.75),
    };
  });
}
