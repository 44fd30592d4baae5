import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  CompilerState,
  Extractor,
  ExtractorConfig,
  ExtractorLogLevel,
  ExtractorMessageCategory,
  type ExtractorMessage,
} from '@microsoft/api-extractor';
import { PUBLISHED_PACKAGES } from '../published-packages';

export interface ApiReportOutcome {
  readonly pkg: string;
  /** The committed report, relative to the repository root. */
  readonly report: string;
  /** False when API Extractor reported an error, or (when checking) the report is out of date. */
  readonly ok: boolean;
  readonly changed: boolean;
  /** Errors and warnings, one line each (`file:line:col (message-id) text`). */
  readonly messages: string[];
}

/**
 * Runs API Extractor on every published package's built declarations (`dist/index.d.mts`, so build first).
 * `update: false` (CI) fails a package whose committed report differs from its public surface;
 * `update: true` rewrites the reports instead.
 */
export function runApiReports(repoRoot: string, { update }: { update: boolean }): ApiReportOutcome[] {
  const configs = PUBLISHED_PACKAGES.map((pkg) => ExtractorConfig.loadFileAndPrepare(join(repoRoot, 'packages', pkg, 'api-extractor.json')));
  // One TypeScript program for all four packages (they import each other's declarations).
  const compilerState = CompilerState.create(configs[0]!, {
    additionalEntryPoints: configs.map((config) => config.mainEntryPointFilePath),
  });
  return configs.map((config, i) => {
    const pkg = PUBLISHED_PACKAGES[i]!;
    if (update) mkdirSync(config.reportFolder, { recursive: true });
    const messages: string[] = [];
    const result = Extractor.invoke(config, {
      localBuild: update,
      compilerState,
      messageCallback: (message: ExtractorMessage) => {
        // Console messages ("copy the report file ...") are replaced by the caller's own advice.
        const fromConsole = message.category === ExtractorMessageCategory.Console;
        if (!fromConsole && (message.logLevel === ExtractorLogLevel.Error || message.logLevel === ExtractorLogLevel.Warning)) {
          messages.push(formatMessage(message));
        }
        message.handled = true;
      },
    });
    return {
      pkg,
      report: `packages/${pkg}/etc/${pkg}.api.md`,
      ok: result.succeeded && result.errorCount === 0 && (update || !result.apiReportChanged),
      changed: result.apiReportChanged,
      messages,
    };
  });
}

function formatMessage(message: ExtractorMessage): string {
  const where = message.sourceFilePath ? `${message.sourceFilePath}:${message.sourceFileLine}:${message.sourceFileColumn} ` : '';
  return `${where}(${message.messageId}) ${message.text}`;
}
