/**
 * `npm run bench`: every benchmark measures its subject against a baseline in the same run and prints ratios,
 * so the numbers compare across machines. Select some with `npm run bench -- runner artifacts`.
 */
type Bench = () => Promise<Record<string, number | string>>;

const BENCHES: Record<string, () => Promise<Bench>> = {
  buildspec: async () => (await import('./buildspec.js')).benchBuildspec,
  runner: async () => (await import('./runner.js')).benchRunner,
  artifacts: async () => (await import('./artifacts.js')).benchArtifacts,
  batch: async () => (await import('./batch.js')).benchBatch,
  build: async () => (await import('./build.js')).benchBuild,
  image: async () => (await import('./image.js')).benchImage,
  mirror: async () => (await import('./mirror.js')).benchMirror,
};

const wanted = process.argv.slice(2);
for (const [name, load] of Object.entries(BENCHES)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  const results = await (await load())();
  console.log(`\n## ${name}`);
  for (const [key, value] of Object.entries(results)) {
    console.log(`${key.padEnd(44)} ${typeof value === 'number' ? formatNumber(value) : value}`);
  }
}

function formatNumber(n: number): string {
  return Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 1 ? n.toFixed(2) : n.toFixed(3);
}
