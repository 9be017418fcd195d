// What suites/web.mjs's page script leaves on the window: performance.now() of the click on
// "Sign in" and of the first animation frame with the profile heading in the DOM.
interface SignInMarks {
  click?: number;
  painted?: number;
}

interface Window {
  __signInMarks: SignInMarks;
}
