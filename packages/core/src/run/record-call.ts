import type { EntryScope } from './entry-scope';

// The `record` option: a call the recorder picks at entry is recorded once main settled.

/** Picks the call for recording (the recorder's `sampleRate`), copying its arguments now. */
export function startRecording(entry: EntryScope): void {
  if (entry.entry.recorder!.sample()) entry.recording = { input: entry.args.slice(), timestamp: Date.now() };
}

/** Hands a picked call to the recorder, which serialises it now (main's value as returned) and writes it later. Never throws. */
export function recordMain(entry: EntryScope, ok: boolean, value: unknown, durationMs: number): void {
  const { input, timestamp } = entry.recording!;
  const experiment = entry.entry;
  const base = {
    experiment: experiment.name,
    configId: entry.config.config_id,
    ...(entry.joined ? { configIds: entry.experimentCase.configIds } : {}),
    input,
    durationMs,
    timestamp,
  };
  experiment.recorder!.record(ok ? { ...base, ok, value } : { ...base, ok, error: value });
}
