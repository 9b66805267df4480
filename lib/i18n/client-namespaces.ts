// Which message namespaces go to the browser. The root layout sends ROOT_NAMESPACES: what the error
// page, rendered anywhere, displays, and the field-error words every form may show (a field error is a
// catalogue key, most often validation.*; a domain's own keys come with its namespace). Each page sends what its own client components display through
// <ClientMessages namespaces={[…]}> (components/i18n/ClientMessages.tsx). The rest render on the
// server. lib/i18n/client-namespaces.test.ts holds both lists true by following the imports.
export const ROOT_NAMESPACES = ["errors", "validation"] as const;

export function pickMessages<T extends Record<string, unknown>>(messages: T, namespaces: readonly string[]): Partial<T> {
  return Object.fromEntries(Object.entries(messages).filter(([k]) => namespaces.includes(k))) as Partial<T>;
}
