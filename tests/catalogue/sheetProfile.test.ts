import { readCustomSheet, readSheetProfile } from "../../src/catalogue/customSheet";
import { lookup, withOverrides } from "../../src/catalogue/lookup";
import { unitProfile } from "../../src/catalogue/profiles";
import { sheetOf } from "./helpers";

const HEAD = ["Mã tiêu chí", "Cơ quan chủ trì tham mưu", "Cơ quan thực hiện", "Nhiệm vụ, giải pháp"];

describe("a catalogue sheet names its profile", () => {
  test("label and value cells above the header", () => {
    const sheet = sheetOf("Danh mục giải pháp", [
      ["Danh mục giải pháp của Sở Tài chính"],
      ["Cấp đơn vị", "Sở"],
      [],
      HEAD,
      ["6.1.2", "Phòng Quản lý ngân sách", "", "Rà soát dự toán"],
    ]);
    const read = readCustomSheet(sheet);
    expect(read.profile).toBe("department");
    expect(read.entries).toHaveLength(1);
    // The named profile's catalogue with the sheet's rows on top: the department's own division names win.
    const c = withOverrides(unitProfile(read.profile!).catalogue, read.entries);
    expect(lookup("6.1.2", c).lead).toBe("Phòng Quản lý ngân sách");
    expect(lookup("6.4", c).lead).toBe("Phòng Kế hoạch - Tài chính");
  });

  test("one cell 'Cấp đơn vị: xã', English labels, and no profile at all", () => {
    expect(readSheetProfile(sheetOf("S", [["Cấp đơn vị: xã"], HEAD]))).toBe("commune");
    expect(readSheetProfile(sheetOf("S", [["", "Unit", "", "ward"], HEAD]))).toBe("ward");
    expect(readSheetProfile(sheetOf("S", [["Profile:  Phường "]]))).toBe("ward");
    const none = readCustomSheet(sheetOf("S", [HEAD, ["4.2", "Phòng A", "", "Việc"]]));
    expect(none.profile).toBeUndefined();
    expect(readSheetProfile(sheetOf("S", [["Cấp đơn vị", "tỉnh"], HEAD]))).toBeNull();
  });

  test("a profile cell below the header is an entry row, not the profile", () => {
    const read = readCustomSheet(sheetOf("S", [HEAD, ["Cấp đơn vị", "xã"]]));
    expect(read.profile).toBeUndefined();
  });
});
