// @ts-check
// Records each Jest run's totals so `npm test` can print one closing line for the whole workspace
// ("N passed, N failed") after Nx has run every project's tests.
const fs = require('node:fs');
const path = require('node:path');

const resultsDir = path.join(__dirname, '..', '..', 'tmp', 'test-results');

/**
 * The fields of Jest's aggregated results that the summary counts.
 * @typedef {object} RunResults
 * @property {number} numPassedTests
 * @property {number} numFailedTests
 * @property {number} numRuntimeErrorTestSuites
 * @property {number} numPendingTests
 * @property {number} numTodoTests
 */

class JestSummaryReporter {
  /**
   * @param {unknown} _globalConfig
   * @param {{ name?: string }} [options] `name` prefixes the results file (default `jest`).
   */
  constructor(_globalConfig, options = {}) {
    this.name = options.name ?? 'jest';
  }

  /**
   * @param {unknown} _contexts
   * @param {RunResults} results
   */
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
