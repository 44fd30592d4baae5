import { Injectable } from '@nestjs/common';
import type { ConfigSource } from '@spearmint/nestjs';
import { triageConfigs } from './triage.configs';

/** The service's settings, as a config service would give them (from the environment here). */
@Injectable()
export class TriageSettings {
  readonly configs: readonly ConfigSource[] = triageConfigs;
  /** How long shutdown waits for shadow triages still running. */
  readonly shutdownDrainTimeoutMs: number = Number(process.env.SHUTDOWN_DRAIN_TIMEOUT_MS ?? 5_000);
}
