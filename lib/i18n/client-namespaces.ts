// The message namespaces that client components use. Only these are sent to the browser with
// each page (the rest render on the server); lib/i18n/client-namespaces.test.ts fails when a
// client component starts using a namespace that is not listed here.
export const CLIENT_NAMESPACES = [
  "account",
  "board",
  "closure",
  "campaignTable",
  "comments",
  "contacts",
  "departments",
  "errors",
  "evidence",
  "inbox",
  "export",
  "login",
  "password",
  "planAdmin",
  "planChanges",
  "planImport",
  "report",
  "roles",
  "rollover",
  "status",
  "table",
  "taskEvidence",
  "tasks",
  "users",
  "validation",
] as const;

export function pickClientMessages<T extends Record<string, unknown>>(messages: T): Partial<T> {
  return Object.fromEntries(Object.entries(messages).filter(([k]) => (CLIENT_NAMESPACES as readonly string[]).includes(k))) as Partial<T>;
}
