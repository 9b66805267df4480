"use client";
// A copy of what the lead typed, kept in the browser until the server has all of it: it survives a
// lost connection or a closed tab and is offered back when the page opens on the same version.
import { useCallback, useSyncExternalStore } from "react";

const listeners = new Set<() => void>();

function subscribe(onChange: () => void) {
  listeners.add(onChange);
  window.addEventListener("storage", onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener("storage", onChange);
  };
}

/** localStorage fires "storage" only in other tabs: this tab's own changes are announced here. */
function write(key: string, value: string | null) {
  if (value === null) window.localStorage.removeItem(key);
  else window.localStorage.setItem(key, value);
  for (const l of listeners) l();
}

/** The kept values, if they were typed on top of the version now on the server. */
export function parseLocal(raw: string | null, version: number): Record<string, string> | null {
  if (!raw) return null;
  try {
    const local = JSON.parse(raw) as { version: number; values: Record<string, string> };
    return local.version === version && local.values && typeof local.values === "object" ? local.values : null;
  } catch {
    return null;
  }
}

export function useLocalDraft(key: string, serverVersion: number) {
  const raw = useSyncExternalStore(
    subscribe,
    () => window.localStorage.getItem(key),
    () => null,
  );
  const keep = useCallback((version: number, values: Record<string, string>) => write(key, JSON.stringify({ version, values })), [key]);
  const clear = useCallback(() => write(key, null), [key]);
  return { restorable: parseLocal(raw, serverVersion), keep, clear };
}
