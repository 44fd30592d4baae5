import type { ConfigEvaluation } from '@spearmint/decorators';

/** One line per config whose function failed, and per evaluator that failed on a config's outputs. */
export function failureLines(configs: readonly ConfigEvaluation[]): string[] {
  const lines: string[] = [];
  for (const config of configs) {
    if (config.errors > 0) lines.push(`config ${config.configId}: ${config.errors} of ${config.count} execution(s) failed; first: ${config.firstError}`);
    for (const [name, failure] of Object.entries(config.evaluatorErrors)) {
      lines.push(`config ${config.configId}: evaluator '${name}' failed on ${failure.count} output(s); first: ${failure.message}`);
    }
  }
  return lines;
}
