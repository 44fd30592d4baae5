// scientist 1.1.1 ships no types; what the benchmark uses of it.
declare module 'scientist' {
  interface Experiment {
    use(block: () => unknown): void;
    try(block: () => unknown): void;
    try(name: string, block: () => unknown): void;
  }
  class Scientist {
    science<T>(name: string, setup: (experiment: Experiment) => void): T;
    on(event: 'result' | 'error' | 'skip', listener: (...args: unknown[]) => void): this;
  }
  export = Scientist;
}
