import { escapeHtml } from './escape-html';
import { formatScore } from './format-numbers';
import type { RecordCell, RecordView } from './record-selection';

/** What the report's `#records` section shows. */
export interface RecordsSection {
  /** The kept records, most important first. */
  readonly views: readonly RecordView[];
  /** How many records were evaluated (and looked at). */
  readonly seen: number;
  /** How many records the section keeps at most (`--report-records`). */
  readonly capacity: number;
  /** The metric records were ranked by, if any. */
  readonly rankingMetric?: string;
  /** Config ids, in the order of the result (one column each). */
  readonly configIds: readonly string[];
}

/** Text longer than this (or with a line break) is folded into `<details>`. */
const FOLD_AT = 160;

/**
 * `section#records`: one `tr[data-record-id]` per kept record, one `td[data-config-id]` per
 * config with the output (escaped; long ones folded in `<details>`), its scores and its error.
 */
export function recordsSection(section: RecordsSection | undefined): string {
  if (!section) return '';
  const { views, seen, capacity, rankingMetric, configIds } = section;
  const which =
    views.length === seen
      ? `all ${seen} record(s)`
      : `the ${views.length} of ${seen} records that matter most: the largest spread between configs${rankingMetric ? ` in ${rankingMetric}` : ''} first, then those where a config failed (--report-records ${Number.isFinite(capacity) ? capacity : 'all'})`;
  const head = ['record', 'input', 'expected', ...configIds].map((cell, i) =>
    i < 3 ? `<th>${cell}</th>` : `<th data-config-id="${escapeHtml(cell)}"><code>${escapeHtml(cell)}</code></th>`,
  );
  const rows = views.map((view) => {
    const cells = new Map(view.cells.map((cell) => [cell.configId, cell]));
    return (
      `<tr data-record-id="${escapeHtml(String(view.id))}" data-spread="${view.spread}"${view.failed ? ' data-failed=""' : ''}>` +
      `<td><code>${escapeHtml(String(view.id))}</code></td><td>${folded(view.input)}</td><td>${view.expected === undefined ? '' : folded(view.expected)}</td>` +
      configIds.map((id) => configCell(id, cells.get(id))).join('') +
      '</tr>'
    );
  });
  return (
    `<section id="records"><h2>Records <small>${escapeHtml(which)}</small></h2>` +
    `<table class="records"><thead><tr>${head.join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></section>`
  );
}

function configCell(configId: string, cell: RecordCell | undefined): string {
  const id = escapeHtml(configId);
  if (!cell) return `<td data-config-id="${id}"></td>`;
  const repeats = cell.runs > 1 ? `<span class="note">repetition 1 of ${cell.runs}; scores are means</span>` : '';
  const output = cell.output === undefined ? '' : `<div class="output">${folded(cell.output)}</div>`;
  const error = cell.error === undefined ? '' : `<div class="error">${cell.failed > 1 || cell.runs > 1 ? `${cell.failed} of ${cell.runs} failed: ` : ''}${folded(cell.error)}</div>`;
  const scores =
    cell.scores.length === 0 ? '' : `<ul class="scores">${cell.scores.map(([metric, score]) => `<li data-metric="${escapeHtml(metric)}">${escapeHtml(metric)} ${formatScore(score)}</li>`).join('')}</ul>`;
  return `<td data-config-id="${id}"${cell.failed > 0 ? ' class="failed"' : ''}>${repeats}${output}${error}${scores}</td>`;
}

/** Escaped text; long or multi-line text folded: a short summary, the whole in `<details>`. */
function folded(text: string): string {
  if (text.length <= FOLD_AT && !text.includes('\n')) return `<pre>${escapeHtml(text)}</pre>`;
  const summary = text.slice(0, 80).replace(/\s+/g, ' ');
  return `<details><summary>${escapeHtml(summary)}…</summary><pre>${escapeHtml(text)}</pre></details>`;
}
