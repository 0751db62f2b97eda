import { boundedMemo } from "../../src/core/boundedMemo";

describe("boundedMemo", () => {
  it("answers each argument once, null answers included", () => {
    const calls: string[] = [];
    const f = boundedMemo((s: string) => {
      calls.push(s);
      return s === "none" ? null : s.length;
    }, 10);
    expect([f("abc"), f("none"), f("abc"), f("none"), f("de")]).toEqual([3, null, 3, null, 2]);
    expect(calls).toEqual(["abc", "none", "de"]);
  });

  it("remembers undefined answers too", () => {
    let calls = 0;
    const f = boundedMemo((_: number): undefined => void calls++, 10);
    f(1);
    f(1);
    expect(calls).toBe(1);
  });

  it("forgets everything at once past its limit, then remembers again", () => {
    const calls: number[] = [];
    const f = boundedMemo((n: number) => (calls.push(n), n * 2), 3);
    for (const n of [1, 2, 3]) f(n);
    expect(f(1)).toBe(2);
    expect(calls).toEqual([1, 2, 3]);
    // A fourth argument: the three are forgotten, the fourth remembered.
    expect(f(4)).toBe(8);
    expect(f(4)).toBe(8);
    expect(f(1)).toBe(2);
    expect(calls).toEqual([1, 2, 3, 4, 1]);
  });
});
