/**
 * `npm run bench`: every benchmark measures its subject against a baseline in the same run and prints each figure
 * next to its goal, then the goals met and missed. Select some with `npm run bench -- runner follow`.
 */
import { fromRecord, formatNumber, met, type Figures } from './support/figures.js';

type Bench = () => Promise<Figures | Record<string, number | string>>;

const BENCHES: Record<string, () => Promise<Bench>> = {
  startup: async () => (await import('./startup.js')).benchStartup,
  buildspec: async () => (await import('./buildspec.js')).benchBuildspec,
  runner: async () => (await import('./runner.js')).benchRunner,
  artifacts: async () => (await import('./artifacts.js')).benchArtifacts,
  batch: async () => (await import('./batch.js')).benchBatch,
  follow: async () => (await import('./follow.js')).benchFollow,
  services: async () => (await import('./services.js')).benchServices,
  image: async () => (await import('./image.js')).benchImage,
  mirror: async () => (await import('./mirror.js')).benchMirror,
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !(w in BENCHES));
if (unknown.length > 0) {
  console.error(`unknown bench ${unknown.join(', ')}; these exist: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
const missed: string[] = [];
let goals = 0;
for (const [name, load] of Object.entries(BENCHES)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  const result = await (await load())();
  const figures = Array.isArray(result) ? result : fromRecord(result);
  console.log(`\n## ${name}`);
  for (const f of figures) {
    const value = typeof f.value === 'number' ? `${formatNumber(f.value)}${f.unit ? ` ${f.unit}` : ''}` : f.value;
    const ok = met(f);
    const goal = f.goal ? `goal ${f.goal[0] === '<=' ? '≤' : '≥'} ${f.goal[1]}${f.unit ? ` ${f.unit}` : ''}` : '';
    const verdict = ok === undefined ? '' : ok ? 'met' : 'MISSED';
    console.log(`${f.name.padEnd(64)} ${value.padStart(10)}  ${[goal, verdict].filter(Boolean).join(' ')}`.trimEnd());
    if (f.detail) console.log(`${''.padEnd(66)}(${f.detail})`);
    if (ok !== undefined) goals++;
    if (ok === false) missed.push(`${name}: ${f.name}`);
  }
}
console.log(
  `\n${goals - missed.length} of ${goals} goals met${missed.length ? '; missed:\n  ' + missed.join('\n  ') : ''}`,
);
if (missed.length > 0) process.exitCode = 1;
