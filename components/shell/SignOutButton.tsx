"use client";
// Signs out the way next-auth's own client does (fetch the CSRF token, post it to the sign-out
// endpoint), without shipping next-auth's React client to every page for this one button.
import { useState } from "react";

async function signOut(): Promise<void> {
  const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Auth-Return-Redirect": "1" },
    body: new URLSearchParams({ csrfToken, callbackUrl: "/login", json: "true" }),
  });
}

export function SignOutButton({ label }: { label: string }) {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        // Whatever the answer, leave for the sign-in page: it shows whether the session ended.
        void signOut().finally(() => {
          // A full page load, not a client navigation: nothing of the signed-in pages stays in memory.
          // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- on purpose, see above
          window.location.href = "/login";
        });
      }}
      className="shrink-0 rounded border border-white/40 px-2 py-1 whitespace-nowrap hover:bg-white/10"
    >
      {label}
    </button>
  );
}
