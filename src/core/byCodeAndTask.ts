/** The plan sheet's rows by criterion code and task: how a re-run finds the row a task had before. Pure. */
import { boundedMemo } from "./boundedMemo";
import { fold, parseCode } from "./text";

/** One task of a code: a short chain, since a code has a few tasks. */
interface Entry<T> {
  task: string;
  value: T;
  next: Entry<T> | null;
}

/**
 * Plan rows by code and task (the code canonical, the task folded): no joined key built per lookup (that was
 * most of the plan's time on a large table). A code's few tasks are a chain of entries (one small object
 * each), a Map past CHAIN_MAX of them.
 */
export class ByCodeAndTask<T> {
  private static readonly CHAIN_MAX = 16;
  private readonly byCode = new Map<string, Entry<T> | Map<string, T>>();
  get(code: string, task: string): T | undefined {
    const e = this.byCode.get(codeKey(code));
    if (e === undefined) return undefined;
    const t = fold(task);
    if (e instanceof Map) return e.get(t);
    for (let x: Entry<T> | null = e; x !== null; x = x.next) if (x.task === t) return x.value;
    return undefined;
  }
  /** Adds the value unless one is there already; false when it was. */
  add(code: string, task: string, value: T): boolean {
    const k = codeKey(code);
    const t = fold(task);
    const e = this.byCode.get(k);
    if (e === undefined) {
      this.byCode.set(k, { task: t, value, next: null });
      return true;
    }
    if (e instanceof Map) {
      if (e.has(t)) return false;
      e.set(t, value);
      return true;
    }
    let last = e;
    let count = 1;
    for (let x: Entry<T> | null = e; x !== null; x = x.next, count++) {
      if (x.task === t) return false;
      last = x;
    }
    if (count > ByCodeAndTask.CHAIN_MAX) {
      const map = new Map<string, T>();
      for (let x: Entry<T> | null = e; x !== null; x = x.next) map.set(x.task, x.value);
      map.set(t, value);
      this.byCode.set(k, map);
    } else last.next = { task: t, value, next: null };
    return true;
  }
}

/** A code's canonical key, or the text itself: each distinct code parsed once. */
const codeKey = boundedMemo((code: string): string => parseCode(code)?.key ?? code, 100_000);
