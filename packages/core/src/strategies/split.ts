import type { Config } from '../config/config';

/** `[configs[index], the others in order]`, or `[configs[index], []]` when the others should not run. */
export function splitAt(configs: readonly Config[], index: number, shadow: boolean): [Config, Config[]] {
  const others: Config[] = [];
  if (shadow) for (let i = 0; i < configs.length; i++) if (i !== index) others.push(configs[i]!);
  return [configs[index]!, others];
}
