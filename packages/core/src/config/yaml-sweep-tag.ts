import { type ScalarTag, type CollectionTag, YAMLSeq } from 'yaml';
import { DynamicValue } from './dynamic-value';

/** A `!sweep [a, b]` sequence: read as a `DynamicValue` of its items. */
class SweepSeq extends YAMLSeq {
  // `any`: the base class promises an array; this node reads as a DynamicValue instead.
  override toJSON(key?: unknown, ctx?: Parameters<YAMLSeq['toJSON']>[1]): any {
    return new DynamicValue(super.toJSON(key, ctx) as unknown[]);
  }
}

const onSequence: CollectionTag = {
  tag: '!sweep',
  collection: 'seq',
  nodeClass: SweepSeq,
  resolve: (seq) => Object.assign(new SweepSeq(), seq),
};

// Without these, `!sweep 5` or `!sweep {a: 1}` would only warn and load as a plain value.
const misuse = 'the !sweep tag takes a sequence of values, as in `temperature: !sweep [0.2, 0.8]`';
const onScalar: ScalarTag = {
  tag: '!sweep',
  resolve(value, onError) {
    onError(misuse);
    return value;
  },
};
const onMapping: CollectionTag = {
  tag: '!sweep',
  collection: 'map',
  resolve(map, onError) {
    onError(misuse);
    return map;
  },
};

/** The YAML tags of config files: `!sweep [a, b]` makes a `DynamicValue`. */
export const configYamlTags = [onSequence, onScalar, onMapping];
