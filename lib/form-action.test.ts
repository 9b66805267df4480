import { describe, expect, it } from "vitest";
import { nulRefusal, readForm } from "./form-action";

describe("reading a posted form", () => {
  it("keeps text fields, lists the repeated ones, and leaves files and React's own fields out", () => {
    const form = new FormData();
    form.append("title", "平安建设");
    form.append("leadIds", "u1");
    form.append("leadIds", "u2");
    form.append("$ACTION_ID_1", "x");
    form.append("file", new Blob(["x"]), "a.txt");
    expect(readForm(form, ["leadIds", "cooperatingIds"])).toEqual({ title: "平安建设", leadIds: ["u1", "u2"], cooperatingIds: [] });
  });

  it("refuses a NUL character next to each field that holds one, and lets every other text through", () => {
    expect(nulRefusal({ progressText: "一、完成\n二、推进\t三", leadIds: ["u1"] })).toBeNull();
    expect(nulRefusal({ progressText: "完成\u0000", title: "ok", leadIds: ["u1", "u\u00002"] })).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { progressText: ["validation.nulCharacter"], leadIds: ["validation.nulCharacter"] },
    });
  });
});
