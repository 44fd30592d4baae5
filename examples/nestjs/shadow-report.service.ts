import { Injectable } from '@nestjs/common';
import type { ExecutionInfo, FunctionResult } from '@spearmint/nestjs';
import type { Triage } from './triage.service';

export interface ConfigReport {
  configId: string;
  role: 'main' | 'variant';
  runs: number;
  failed: number;
  urgent: number;
  meanMs: number;
}

/** Collects every triage, main and shadow, per config (Spearmint's onResult hook feeds it). */
@Injectable()
export class ShadowReport {
  readonly #rows = new Map<string, ConfigReport & { totalMs: number }>();

  record(result: FunctionResult, info: ExecutionInfo): void {
    const key = `${info.role}:${info.configId}`;
    let row = this.#rows.get(key);
    if (!row) this.#rows.set(key, (row = { configId: info.configId, role: info.role, runs: 0, failed: 0, urgent: 0, meanMs: 0, totalMs: 0 }));
    row.runs++;
    row.totalMs += result.durationMs;
    row.meanMs = Math.round((row.totalMs / row.runs) * 100) / 100;
    if (!result.ok) row.failed++;
    else if ((result.result as Triage).priority === 'urgent') row.urgent++;
  }

  rows(): ConfigReport[] {
    return [...this.#rows.values()].map(({ totalMs: _, ...row }) => row);
  }
}
