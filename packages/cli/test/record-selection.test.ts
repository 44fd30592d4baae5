/** Which records the report keeps, in bounded memory, and how their values become text without throwing. */
import type { RecordResult } from '@spearmint/decorators';
import { RecordSelection } from '../src/record-selection';
import { displayText, MAX_TEXT } from '../src/safe-text';
import { execution, record } from './helpers/record-results';

describe('RecordSelection', () => {
  it('keeps at most `capacity` records and builds nothing for the ones it drops', () => {
    const selection = new RecordSelection(5);
    selection.rankBy('score');
    let serialised = 0;
    const output = { toJSON: () => (serialised++, 'out') };
    // Spreads shrink record by record: after the first five, none ranks high enough to be kept.
    for (let i = 0; i < 10_000; i++) selection.add(record(i, [execution('a', output, { score: 0 }), execution('b', output, { score: 1 / (i + 1) })]));
    expect(selection.seen).toBe(10_000);
    expect(selection.selected().map((view) => view.index)).toEqual([0, 1, 2, 3, 4]);
    expect(serialised).toBe(5 * 2);
  });

  it('ranks by the spread of the first evaluator\'s first metric, then failures, then dataset order', () => {
    const selection = new RecordSelection(10);
    selection.rankBy('rouge');
    selection.add(record(0, [execution('a', 1, { 'rouge.p': 0.5, other: 0 }), execution('b', 1, { 'rouge.p': 0.5, other: 100 })]));
    selection.add(record(1, [execution('a', 1, { 'rouge.p': 0.1 }), execution('b', 1, { 'rouge.p': 0.3 })]));
    selection.add(record(2, [execution('a', 1, { 'rouge.p': 0.5 }), execution('b', undefined, {}, new Error('x'))]));
    selection.add(record(3, [execution('a', 1, { 'rouge.p': 0.9 }), execution('b', 1, { 'rouge.p': 0.1 })]));
    expect(selection.rankingMetric).toBe('rouge.p');
    expect(selection.selected().map((view) => [view.index, view.spread, view.failed])).toEqual([
      [3, expect.closeTo(0.8, 12), false],
      [1, expect.closeTo(0.2, 12), false],
      [2, 0, true],
      [0, 0, false],
    ]);
  });

  it('averages repetitions; shows the first repetition\'s output and the failures', () => {
    const selection = new RecordSelection(1);
    selection.rankBy('score');
    const second = { ...execution('a', 'second', { score: 0.2 }), repeat: 1 };
    const failed = { ...execution('b', undefined, {}, new RangeError('late')), repeat: 1 };
    selection.add(record(0, [execution('a', 'first', { score: 0.6 }), execution('b', 'only', { score: 0.4 }), second, failed]));
    expect(selection.selected()[0]!.cells).toEqual([
      { configId: 'a', output: 'first', runs: 2, failed: 0, scores: [['score', expect.closeTo(0.4, 12)]] },
      { configId: 'b', output: 'only', error: 'RangeError: late', runs: 2, failed: 1, scores: [['score', 0.4]] },
    ]);
  });

  it('capacity 0 keeps nothing; Infinity keeps every record', () => {
    const none = new RecordSelection(0);
    const all = new RecordSelection(Infinity);
    for (let i = 0; i < 300; i++) {
      none.add(record(i, [execution('a', i, {})]));
      all.add(record(i, [execution('a', i, {})]));
    }
    expect(none.selected()).toEqual([]);
    expect(all.selected()).toHaveLength(300);
  });

  it('values from user code become text without throwing', () => {
    const selection = new RecordSelection(1);
    const input = Object.defineProperty({}, 'text', {
      enumerable: true,
      get() {
        throw new Error('getter');
      },
    });
    const hostileRecord: RecordResult = {
      index: 0,
      id: 'h',
      get record(): RecordResult['record'] {
        return { input, get expected(): unknown { throw new Error('no expected'); } };
      },
      executions: [
        execution('a', { toJSON() { throw new Error('no JSON'); } }, {}),
        execution('b', undefined, {}, { get message(): string { throw new Error('no message'); } }),
      ],
    };
    selection.add(hostileRecord);
    const [view] = selection.selected();
    expect(view!.input).toBe('[object Object]: not serialisable as JSON (getter)');
    expect(view!.expected).toBe('(reading it threw Error: no expected)');
    expect(view!.cells[0]!.output).toBe('[object Object]: not serialisable as JSON (no JSON)');
    expect(view!.cells[1]!.error).toBe('[object Object] (unprintable: its message or toString threw)');
  });
});

describe('displayText', () => {
  it('cuts long text, saying how much was left out', () => {
    expect(displayText('x'.repeat(MAX_TEXT + 5))).toBe(`${'x'.repeat(MAX_TEXT)}… (5 more characters)`);
    expect(displayText(12n)).toBe('12n');
    expect(displayText(function named() {})).toBe('<function named>');
  });
});
