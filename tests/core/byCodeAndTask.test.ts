import { ByCodeAndTask } from "../../src/core/byCodeAndTask";

describe("ByCodeAndTask (the plan's rows by code and task)", () => {
  it("finds a row by canonical code and folded task, and keeps the first of two", () => {
    const m = new ByCodeAndTask<number>();
    expect(m.add("1.6.2", "Ban hành  kế hoạch", 1)).toBe(true);
    expect(m.add("1.6.2.", "ban hanh ke hoach", 2)).toBe(false);
    expect(m.get(" 1.6.2 ", "BAN HÀNH KẾ HOẠCH")).toBe(1);
    expect(m.get("1.6", "Ban hành kế hoạch")).toBeUndefined();
    expect(m.get("1.6.2", "Khác")).toBeUndefined();
    // Texts that are not codes are their own keys.
    expect(m.add("", "", 3)).toBe(true);
    expect(m.get("", "")).toBe(3);
  });

  it("answers the same past many tasks of one code (a list, then a map)", () => {
    const m = new ByCodeAndTask<number>();
    for (let i = 0; i < 40; i++) expect(m.add("II", `Nhiệm vụ ${i}`, i)).toBe(true);
    for (let i = 0; i < 40; i++) {
      expect(m.add("2", `nhiem vu ${i}`, -1)).toBe(false);
      expect(m.get("2", `NHIỆM VỤ ${i}`)).toBe(i);
    }
    expect(m.get("2", "Nhiệm vụ 40")).toBeUndefined();
  });
});
