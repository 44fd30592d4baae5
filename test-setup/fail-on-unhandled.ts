// Fails a test during or shortly after which an unhandledRejection or uncaughtException
// happened (recorded by unhandled-events-environment.cjs), so a late one is blamed on the test
// that caused it rather than lost.
type UnhandledEvent = { event: string; reason: unknown };

const events = (): UnhandledEvent[] => (globalThis as { __spearmintUnhandledEvents?: UnhandledEvent[] }).__spearmintUnhandledEvents ?? [];

/** Takes the events recorded so far, e.g. to assert on them in a test. */
export function takeUnhandledEvents(): UnhandledEvent[] {
  return events().splice(0);
}

afterEach(async () => {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setTimeout(resolve, 5));
  const seen = takeUnhandledEvents();
  if (seen.length > 0) {
    throw new Error(`${seen.length} unhandled event(s) during this test: ${seen.map((e) => `${e.event}: ${printable(e.reason)}`).join('; ')}`);
  }
});

/** `String(reason)`, for reasons whose `toString` throws or is missing (a null-prototype object) too. */
function printable(reason: unknown): string {
  try {
    return String(reason);
  } catch {
    return Object.prototype.toString.call(reason);
  }
}
