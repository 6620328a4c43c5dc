#!/usr/bin/env node
// Known vulnerabilities in what the bundles ship: the production dependency tree (`npm audit --omit=dev`), failing
// at high or critical. Where the registry offers no advisory service (some mirrors answer 405 or 404), there is
// nothing to check against: that is said plainly and the exit status is 3, so CI can tell "not checked" from "clean".
import { spawnSync } from 'node:child_process';

const result = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(result.stdout);
} catch {
  report = undefined;
}

if (!report || report.error || report.statusCode || !report.metadata) {
  const reason = report?.error?.summary || report?.message || result.stderr.trim().split('\n').pop() || 'no answer';
  console.log(`npm audit: the registry's advisory service is unavailable (${reason}); dependencies not checked`);
  process.exit(3);
}

const counts = report.metadata?.vulnerabilities ?? {};
const serious = (counts.high ?? 0) + (counts.critical ?? 0);
const summary = ['critical', 'high', 'moderate', 'low'].map((level) => `${counts[level] ?? 0} ${level}`).join(', ');
console.log(`npm audit --omit=dev: ${summary}`);
if (serious > 0) {
  for (const [name, entry] of Object.entries(report.vulnerabilities ?? {})) {
    if (entry.severity === 'high' || entry.severity === 'critical') {
      console.log(`  ${entry.severity}: ${name} ${entry.range ?? ''}`);
    }
  }
  process.exit(1);
}
