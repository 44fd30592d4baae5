import { Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { Config, currentSignal, Experiment } from '@spearmint/nestjs';
import type { TriageRules } from './triage.configs';
import { Tokenizer } from './tokenizer.service';

export interface Triage {
  priority: 'urgent' | 'normal';
  score: number;
  matched: string[];
  /** The config that produced this triage. */
  configId: string;
}

@Injectable()
export class TriageService {
  constructor(private readonly tokenizer: Tokenizer) {}

  /**
   * An experiment of the module's Spearmint instance: the caller gets main's triage, the
   * shadow configs run after the response. The parameter is not named `config`: it gets the
   * config because it is declared as `Config<...>` (emitDecoratorMetadata; import `Config` as
   * a value, not with `import type`, or the metadata says `Object`).
   */
  @Experiment()
  async triage(text: string, rules?: Config<TriageRules>): Promise<Triage> {
    if (rules!.latencyMs > 0) await sleep(rules!.latencyMs, undefined, { signal: currentSignal() });
    const matched = this.tokenizer.words(text).filter((word) => word in rules!.urgentWords);
    const score = matched.reduce((sum, word) => sum + rules!.urgentWords[word]!, 0);
    return { priority: score >= rules!.threshold ? 'urgent' : 'normal', score, matched, configId: rules!.config_id };
  }
}
