import fc from "fast-check";
import { KeyTree } from "../../src/core/keyTree";

/** What the row reader did with a Map of whole keys: the specification. */
function bySlices(keys: string[]): { parent: number; first: number }[] {
  const byKey = new Map<string, number>();
  return keys.map((key, index) => {
    let parent = -1;
    for (let cut = key.lastIndexOf("."); parent === -1 && cut !== -1; cut = key.lastIndexOf(".", cut - 1))
      parent = byKey.get(key.slice(0, cut)) ?? -1;
    const first = byKey.get(key) ?? -1;
    if (first === -1) byKey.set(key, index);
    return { parent, first };
  });
}

function byTree(keys: string[]): { parent: number; first: number }[] {
  const tree = new KeyTree();
  return keys.map((key, index) => {
    const first = tree.add(key, index);
    return { parent: tree.parent, first };
  });
}

describe("KeyTree (parents and repeated codes of the rows read)", () => {
  it("finds the nearest ancestor read before and the first row of a repeated key", () => {
    expect(byTree(["1", "1.1", "1.1.1", "2", "1.2", "1.1", "1.1.2", "1.3.1", "1.10"])).toEqual([
      { parent: -1, first: -1 },
      { parent: 0, first: -1 },
      { parent: 1, first: -1 },
      { parent: -1, first: -1 },
      { parent: 0, first: -1 },
      { parent: 0, first: 1 },
      { parent: 1, first: -1 },
      { parent: 0, first: -1 },
      { parent: 0, first: -1 },
    ]);
  });

  it("answers as whole keys do, for any keys (odd segments included)", () => {
    const segment = fc.oneof(
      { weight: 8, arbitrary: fc.nat({ max: 12 }).map(String) },
      {
        weight: 1,
        arbitrary: fc.constantFrom("01", "0", "", "1234567890123", "999999999", "1000000000", "x"),
      },
    );
    // No key starts with a dot (a code's key never does; the slices above would never end).
    const key = fc
      .tuple(fc.nat({ max: 12 }), fc.array(segment, { maxLength: 3 }))
      .map(([first, rest]) => [String(first), ...rest].join("."));
    fc.assert(
      fc.property(fc.array(key, { maxLength: 40 }), (keys) => {
        expect(byTree(keys)).toEqual(bySlices(keys));
      }),
      { numRuns: 1000 },
    );
  });
});
