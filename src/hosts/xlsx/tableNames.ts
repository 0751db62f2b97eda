/** Table column names as Excel makes them (both xlsx writers: ExcelJS's apply.ts and the direct one). */

/** Unique table column names from header texts (Excel's "Column3" for an empty one, "Name2" for a repeat). */
export function uniqueNames(texts: string[]): string[] {
  const used = new Set<string>();
  return texts.map((t, i) => {
    const base = t.trim() === "" ? `Column${i + 1}` : t;
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base}${k}`;
    used.add(name.toLowerCase());
    return name;
  });
}
