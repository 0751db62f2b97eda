/**
 * The code keys a table's rows were read with ("1", "1.6", "1.6.2"), as a tree of their numbers: where a row's
 * parent is and whether its code came before, found by walking the key's few numbers, with no key sliced or
 * hashed per row (a Map of whole keys was most of the row reader's time on a large table). Pure.
 */

interface KeyNode {
  /** The row added with this key, -1 when only longer keys pass through it. */
  index: number;
  /** Children by number: the segments written canonically (digits, no leading zero, at most 9). */
  kids: (KeyNode | undefined)[] | null;
  /** Children by text: any other segment ("01", "", a 12-digit number), so equal texts stay equal keys. */
  other: Map<string, KeyNode> | null;
}

const node = (): KeyNode => ({ index: -1, kids: null, other: null });

export class KeyTree {
  private readonly root = node();
  /** After `add`: the row of the nearest ancestor key added before (the longest), -1 for none. */
  parent = -1;

  /**
   * Adds `key` for row `index` unless it was added before. Returns the row it was first added with, or -1
   * when it is new; sets `parent`.
   */
  add(key: string, index: number): number {
    let n = this.root;
    let parent = -1;
    const len = key.length;
    for (let i = 0; ; i++) {
      const start = i;
      let value = 0;
      let plain = true;
      for (; i < len; i++) {
        const c = key.charCodeAt(i);
        if (c === 46) break;
        if (c < 48 || c > 57) plain = false;
        value = value * 10 + (c - 48);
      }
      const digits = i - start;
      if (digits === 0 || digits > 9 || (digits > 1 && key.charCodeAt(start) === 48)) plain = false;
      let kid: KeyNode | undefined;
      if (plain) {
        const kids = (n.kids ??= []);
        kid = kids[value];
        if (kid === undefined) kids[value] = kid = node();
      } else {
        const other = (n.other ??= new Map());
        const text = key.slice(start, i);
        kid = other.get(text);
        if (kid === undefined) other.set(text, (kid = node()));
      }
      n = kid;
      if (i >= len) break;
      if (n.index >= 0) parent = n.index;
    }
    this.parent = parent;
    if (n.index >= 0) return n.index;
    n.index = index;
    return -1;
  }
}
