import type { ExecutionInfo } from './hooks';

/** What an execution must tell for its hook calls: the entry experiment and its config. */
export interface DescribedExecution {
  readonly entry: { readonly name: string };
  readonly config: { readonly config_id: string };
}

/** The `info` argument of a hook call about `execution`. */
export function executionInfo(execution: DescribedExecution, role: ExecutionInfo['role'], background: boolean): ExecutionInfo {
  return { experiment: execution.entry.name, role, background, configId: execution.config.config_id };
}
