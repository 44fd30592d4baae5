// A jest environment that records every unhandledRejection and uncaughtException of the test
// process, so the suite can fail on one (`fail-on-unhandled.ts`). Listeners must sit on the real
// process: the test's own `process` object is a sandbox copy whose listeners never fire. jest-circus
// replaces the process listeners at its 'setup' event, so ours is added after it.
const { TestEnvironment } = require('jest-environment-node');

class UnhandledEventsEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.events = [];
    this.global.__spearmintUnhandledEvents = this.events;
    this.onRejection = (reason) => this.events.push({ event: 'unhandledRejection', reason });
    this.onException = (reason) => this.events.push({ event: 'uncaughtException', reason });
  }

  async handleTestEvent(event) {
    if (event.name === 'setup') {
      process.on('unhandledRejection', this.onRejection);
      process.on('uncaughtException', this.onException);
    }
    if (event.name === 'teardown') {
      process.off('unhandledRejection', this.onRejection);
      process.off('uncaughtException', this.onException);
    }
  }
}

module.exports = UnhandledEventsEnvironment;
