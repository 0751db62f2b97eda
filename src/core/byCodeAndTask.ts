/** The plan sheet's rows by criterion code and task: how a re-run finds the row a task had before. Pure. */
import { boundedMemo } from "./boundedMemo";
import { fold, parseCode } from "./text";

/**
 * Plan rows by code and task (the code canonical, the task folded): no joined key built per lookup (that was
 * most of the plan's time on a large table). A code's few tasks are a short list, a Map past LIST_MAX of them.
 */
export class ByCodeAndTask<T> {
  private static readonly LIST_MAX = 16;
  private readonly byCode = new Map<string, { tasks: string[]; values: T[]; index?: Map<string, T> }>();
  get(code: string, task: string): T | undefined {
    const e = this.byCode.get(codeKey(code));
    if (!e) return undefined;
    const t = fold(task);
    if (e.index) return e.index.get(t);
    const i = e.tasks.indexOf(t);
    return i < 0 ? undefined : e.values[i];
  }
  /** Adds the value unless one is there already; false when it was. */
  add(code: string, task: string, value: T): boolean {
    const k = codeKey(code);
    const t = fold(task);
    const e = this.byCode.get(k);
    if (!e) {
      this.byCode.set(k, { tasks: [t], values: [value] });
      return true;
    }
    if (e.index ? e.index.has(t) : e.tasks.includes(t)) return false;
    if (e.index) e.index.set(t, value);
    else {
      e.tasks.push(t);
      e.values.push(value);
      if (e.tasks.length > ByCodeAndTask.LIST_MAX) e.index = new Map(e.tasks.map((x, i) => [x, e.values[i]]));
    }
    return true;
  }
}

/** A code's canonical key, or the text itself: each distinct code parsed once. */
const codeKey = boundedMemo((code: string): string => parseCode(code)?.key ?? code, 100_000);
