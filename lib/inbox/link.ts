// Where an inbox message leads, as a path inside the app: messages store a full address (so an email or
// a robot message links back), but the inbox only ever opens a page of this app from it.

/** The path, query and fragment of a stored link; "/" for none or one that is not a plain address. */
export function appPath(link: string | null | undefined): string {
  if (!link) return "/";
  try {
    const url = new URL(link, "http://app.invalid");
    if (url.protocol !== "http:" && url.protocol !== "https:") return "/";
    const path = `${url.pathname}${url.search}${url.hash}`;
    // "//host" would be read as another site.
    return path.startsWith("/") && !path.startsWith("//") ? path : "/";
  } catch {
    return "/";
  }
}
