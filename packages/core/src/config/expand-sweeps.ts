import { setOwnKey, type Sweep } from './copy-config-tree';

/** How many configs the sweeps give (their cartesian product); `Infinity` past what a double holds. */
export function countCombinations(sweeps: readonly Sweep[]): number {
  let count = 1;
  for (const sweep of sweeps) count *= sweep.values.length;
  return count;
}

/** Values in all the configs the sweeps give, each counting the fixed part and the values it picks. */
export function countExpandedValues(fixedSize: number, sweeps: readonly Sweep[]): number {
  const combinations = countCombinations(sweeps);
  let total = combinations * fixedSize;
  for (const sweep of sweeps) {
    const picksOfEach = combinations / sweep.values.length;
    for (const size of sweep.sizes) total += picksOfEach * size;
  }
  return total;
}

interface PathTrie {
  readonly children: Map<string, PathTrie>;
  sweep?: number;
}

/**
 * The cartesian product of the sweeps over a frozen copied config; the first sweep varies
 * slowest. Parts off the sweeps' paths are shared between the expansions, not copied.
 */
export function expandSweeps(tree: Record<string, unknown>, sweeps: readonly Sweep[]): Record<string, unknown>[] {
  if (sweeps.length === 0) return [tree];
  const trie = pathTrie(sweeps);
  const choice = sweeps.map(() => 0);
  const expanded: Record<string, unknown>[] = [];
  for (;;) {
    const picked = sweeps.map((sweep, i) => sweep.values[choice[i]!]);
    expanded.push(withPicks(tree, trie, picked));
    let i = sweeps.length - 1;
    while (i >= 0 && ++choice[i]! === sweeps[i]!.values.length) choice[i--] = 0;
    if (i < 0) return expanded;
  }
}

function pathTrie(sweeps: readonly Sweep[]): PathTrie {
  const root: PathTrie = { children: new Map() };
  sweeps.forEach((sweep, index) => {
    let node = root;
    for (const key of sweep.path) {
      let child = node.children.get(key);
      if (!child) node.children.set(key, (child = { children: new Map() }));
      node = child;
    }
    node.sweep = index;
  });
  return root;
}

/** A frozen copy of the nodes on the trie's paths, with each sweep's pick in place. */
function withPicks(node: Record<string, unknown>, trie: PathTrie, picked: readonly unknown[]): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(node)) {
    const sub = trie.children.get(key);
    const value =
      sub === undefined ? node[key] : sub.sweep !== undefined ? picked[sub.sweep] : withPicks(node[key] as Record<string, unknown>, sub, picked);
    setOwnKey(copy, key, value);
  }
  return Object.freeze(copy);
}
