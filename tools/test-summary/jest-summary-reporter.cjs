// Records each Jest run's totals so `npm test` can print one closing line for the whole workspace
// ("N passed, N failed") after Nx has run every project's tests.
const fs = require('node:fs');
const path = require('node:path');

const resultsDir = path.join(__dirname, '..', '..', 'tmp', 'test-results');

class JestSummaryReporter {
  constructor(globalConfig, options = {}) {
    this.name = options.name ?? 'jest';
  }

  onRunComplete(_contexts, results) {
    fs.mkdirSync(resultsDir, { recursive: true });
    const file = path.join(resultsDir, `${this.name}-${process.pid}.json`);
    const summary = {
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      skipped: results.numPendingTests + results.numTodoTests,
    };
    fs.writeFileSync(file, JSON.stringify(summary));
  }
}

module.exports = JestSummaryReporter;
