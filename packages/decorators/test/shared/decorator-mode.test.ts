// Each jest project compiles this suite in one decorator mode; this proves which one ran.
function probe(_value: unknown, context?: unknown): void {
  seen.push(typeof context === 'object' && context !== null && 'kind' in context ? 'standard' : 'legacy');
}
const seen: string[] = [];

class Probe {
  @probe
  method(): void {}
}

it('compiles decorators in the mode its jest project names', () => {
  expect(new Probe()).toBeDefined();
  expect(process.env.SPEARMINT_DECORATOR_MODE).toMatch(/^(standard|legacy)$/);
  expect(seen).toEqual([process.env.SPEARMINT_DECORATOR_MODE]);
});
