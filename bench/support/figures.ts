/** What a benchmark reports: figures, each with its goal when it has one; bench/index.ts prints them and the verdict. */
export interface Figure {
  readonly name: string;
  readonly value: number | string;
  readonly unit?: string;
  /** Shown after the value: the parts it is made of, the baseline it is a ratio to. */
  readonly detail?: string;
  /** The figure meets its goal when `value <op> limit`. */
  readonly goal?: readonly ['<=' | '>=', number] | undefined;
}

export type Figures = Figure[];

export function met(figure: Figure): boolean | undefined {
  if (figure.goal === undefined) return undefined;
  if (typeof figure.value !== 'number' || Number.isNaN(figure.value)) return false;
  const [op, limit] = figure.goal;
  return op === '<=' ? figure.value <= limit : figure.value >= limit;
}

/** Older benchmarks name the goal in the key: `… (ms, goal ≤ 1000)`, `… (goal >= 0.9)`. */
export function fromRecord(record: Record<string, number | string>): Figures {
  return Object.entries(record).map(([name, value]) => {
    const m = /goal\s*(≤|<=|≥|>=|<|>)\s*([\d.]+)/.exec(name);
    const op = m ? (/[≥>]/.test(m[1] as string) ? '>=' : '<=') : undefined;
    return { name, value, ...(op ? { goal: [op, Number(m?.[2])] as const } : {}) };
  });
}

export function formatNumber(n: number): string {
  if (Number.isNaN(n)) return 'n/a';
  return Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 1 ? n.toFixed(2) : n.toFixed(3);
}
