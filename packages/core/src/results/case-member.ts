/**
 * An experiment as a case sees it. Declared here, below the engine, so that results import
 * nothing of it; `Experiment` (experiment/experiment.ts) implements it.
 */
export interface CaseMember {
  /** The experiment's name, e.g. `'TextService.generate'`. */
  readonly name: string;
  /**
   * The experiment that `fn` stands for (an experiment function or a bound copy of one; any
   * experiment, not only this one), or a `TypeError` naming `fn` and `caller` when it is none.
   * The case asks its entry experiment: the registry of experiment functions sits above results.
   */
  experimentOf(fn: Function, caller: string): CaseMember;
}
