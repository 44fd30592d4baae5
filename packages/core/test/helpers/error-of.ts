/** The error `fn()` throws (fails the test when it throws none). */
export function errorOf<E extends Error = Error>(fn: () => unknown): E {
  try {
    fn();
  } catch (error) {
    return error as E;
  }
  throw new Error('expected a throw');
}
