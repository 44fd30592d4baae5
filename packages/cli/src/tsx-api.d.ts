// The part of tsx's programmatic API the CLI uses. tsx publishes its types through `exports`
// only, which the repository's type-check (moduleResolution "node") does not read.
declare module 'tsx/esm/api' {
  /** Registers tsx's ES module loader for the whole process; resolves the returned function to undo it. */
  export function register(): () => Promise<void>;
}

declare module 'tsx/cjs/api' {
  /** Registers tsx's CommonJS loader (`require` of .ts files) for the whole process. */
  export function register(): () => void;
}
