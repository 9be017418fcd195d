import { failTestsOnResponseViolations } from '@ropc/openapi-testing';

// Every response the suites receive from the API and emulator processes they start (the start
// helpers register those origins with the document each serves) must match that document.
failTestsOnResponseViolations();
