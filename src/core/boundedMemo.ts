/**
 * One function's answers remembered by argument, at most `limit` of them: the same texts come back on every
 * analysis (a table's names and codes, apply-all reads a table four times), and a runaway input must not
 * grow memory without end. Past `limit` distinct arguments everything is forgotten at once (cheaper than
 * tracking age; a table of more distinct texts than the limit only loses the memo's help). Pure.
 */
export function boundedMemo<K, V>(fn: (key: K) => V, limit: number): (key: K) => V {
  const memo = new Map<K, V>();
  return (key: K): V => {
    const hit = memo.get(key);
    if (hit !== undefined || memo.has(key)) return hit as V;
    if (memo.size >= limit) memo.clear();
    const value = fn(key);
    memo.set(key, value);
    return value;
  };
}
