"use client";
// Saving the report form: one save at a time, each on the version the previous one left; a draft
// saved a moment after the lead stops typing; a save that never reached the server (no network in
// the field) tried again by itself when the connection returns.
import { useActionState, useCallback, useEffect, useRef, useState, useTransition, type RefObject } from "react";
import type { FormState } from "@/lib/form-action";
import { saveReportAction } from "@/lib/reports/actions";
import type { SavedReport } from "@/lib/reports/save";

export const AUTOSAVE_MS = 1500;
/** While the server cannot be reached, also try every so often: "online" never fires when the network is up but the server is not. */
const RETRY_MS = 30_000;

export function useAutosave({
  formRef,
  initialVersion,
  onResult,
  dirty,
  paused,
  changeKey,
}: {
  formRef: RefObject<HTMLFormElement | null>;
  initialVersion: number;
  /** Every answer from the server, to an autosave or to a button. */
  onResult: (state: FormState<SavedReport>) => void;
  /** Something typed is not on the server yet. */
  dirty: boolean;
  /** No autosave (e.g. while a conflict is shown: saving again is the lead's decision). */
  paused: boolean;
  /** Changes whenever the input changes, restarting the autosave delay. */
  changeKey: unknown;
}) {
  // The version the next save is based on; a ref, because saves queue up faster than renders.
  const versionRef = useRef(initialVersion);
  const inflight = useRef<Promise<unknown> | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const [offline, setOffline] = useState(false);
  const [, startTransition] = useTransition();

  const send = useCallback(
    async (prev: FormState<SavedReport> | undefined, data: FormData): Promise<FormState<SavedReport>> => {
      window.clearTimeout(timer.current);
      // One save at a time (a click during an autosave waits for it).
      while (inflight.current) await inflight.current.catch(() => undefined);
      const run = (async () => {
        data.set("version", String(versionRef.current));
        try {
          const s = await saveReportAction(prev, data);
          setOffline(false);
          const r = s.result;
          if (r?.ok && r.data) versionRef.current = r.data.version;
          // After a conflict the lead has seen the other version; saving again is a decision to replace it.
          else if (r && !r.ok && r.error === "conflict" && typeof r.current.version === "number") versionRef.current = r.current.version;
          onResult(s);
          return s;
        } catch {
          setOffline(true);
          return prev ?? {};
        }
      })();
      inflight.current = run;
      try {
        return await run;
      } finally {
        if (inflight.current === run) inflight.current = null;
      }
    },
    [onResult],
  );
  const [, formAction, pending] = useActionState(send, {});

  const saveDraft = useCallback(() => {
    const form = formRef.current;
    if (!form) return;
    const data = new FormData(form);
    data.set("intent", "save");
    startTransition(async () => {
      await send(undefined, data);
    });
  }, [formRef, send]);

  // A moment after the lead stops typing, save the draft (never submit).
  useEffect(() => {
    if (!dirty || paused) return;
    timer.current = window.setTimeout(saveDraft, AUTOSAVE_MS);
    return () => window.clearTimeout(timer.current);
  }, [dirty, paused, changeKey, saveDraft]);

  // Back online: send what is kept here, without waiting for the next keystroke.
  useEffect(() => {
    if (!offline) return;
    window.addEventListener("online", saveDraft);
    const retry = window.setInterval(() => navigator.onLine && saveDraft(), RETRY_MS);
    return () => {
      window.removeEventListener("online", saveDraft);
      window.clearInterval(retry);
    };
  }, [offline, saveDraft]);

  return { formAction, pending, offline };
}
