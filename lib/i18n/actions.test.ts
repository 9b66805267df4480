// The language switch is a public server action: anyone can call it with anything.
import { describe, expect, it, vi } from "vitest";

const jar = vi.hoisted(() => ({ set: vi.fn() }));
vi.mock("next/headers", () => ({ cookies: () => Promise.resolve(jar) }));

const { setLocale } = await import("./actions");

describe("setLocale", () => {
  it("sets the cookie for a form naming one of our locales", async () => {
    const form = new FormData();
    form.set("locale", "en");
    await setLocale(form);
    expect(jar.set).toHaveBeenCalledWith("duban-locale", "en", expect.objectContaining({ httpOnly: true, path: "/" }));
  });

  it.each([undefined, null, "en", 42, ["en"], { locale: "en" }, { get: () => "en" }])(
    "ignores a call with %j instead of a form, without an error",
    async (junk) => {
      jar.set.mockClear();
      await expect(setLocale(junk)).resolves.toBeUndefined();
      expect(jar.set).not.toHaveBeenCalled();
    },
  );

  it.each(["fr", "", "en\u0000", "zh-CN; DROP"])("ignores the locale %j", async (locale) => {
    jar.set.mockClear();
    const form = new FormData();
    form.set("locale", locale);
    await setLocale(form);
    expect(jar.set).not.toHaveBeenCalled();
  });
});
