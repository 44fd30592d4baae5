/** The exit codes of `spearmint`. */
export const EXIT = {
  /** The evaluation ran and every threshold was met. */
  ok: 0,
  /** A threshold was not met. */
  thresholdFailed: 1,
  /** A usage error: unknown flag or command, missing file, no definition export, unknown metric. */
  usage: 2,
  /** The evaluation could not run to its end: unreadable dataset or output, a failing function set-up. */
  evaluationFailed: 3,
  /** Interrupted (Ctrl-C); the partial result was printed. */
  interrupted: 130,
} as const;
