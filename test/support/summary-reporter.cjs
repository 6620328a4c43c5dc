// Prints one plain closing line, `N passed, N failed, N skipped`, as the last line of the test run (after jest's
// own summary), so CI logs carry a runner-neutral count. With AWS_CICD_TEST_SUMMARY set, also writes it there
// so .ci/run can repeat it as its own closing line.
const { writeFileSync } = require('node:fs');

class SummaryLineReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = results;
    const line = `${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped`;
    if (process.env.AWS_CICD_TEST_SUMMARY) writeFileSync(process.env.AWS_CICD_TEST_SUMMARY, line + '\n');
    process.once('exit', () => process.stdout.write(`\n${line}\n`));
  }
}
module.exports = SummaryLineReporter;
