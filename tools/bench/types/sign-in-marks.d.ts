// What lib/chromium-sign-in.mjs's page script leaves on the window: performance.now() of the
// click on "Sign in", of the first animation frame with the profile heading in the DOM and of the
// first one with the API's answer (GET /api/me) on the profile, or that answer's error text.
interface SignInMarks {
  click?: number;
  painted?: number;
  answered?: number;
  apiError?: string;
}

interface Window {
  __signInMarks: SignInMarks;
}
