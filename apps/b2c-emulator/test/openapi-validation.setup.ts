import { failTestsOnResponseViolations } from '@ropc/openapi-testing';

// Every response the suites receive from the emulator processes they start (the start
// helper registers those origins with the document each serves) must match that document.
failTestsOnResponseViolations();
