"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Field } from "@/components/ui/Field";

/** Generate a temporary password (shown once afterwards), or type one: the same rules apply. */
export function PasswordChoice({ idPrefix, label, errors }: { idPrefix: string; label: string; errors?: string[] }) {
  const t = useTranslations("password");
  const [mode, setMode] = useState<"generated" | "typed">("generated");
  const [password, setPassword] = useState("");
  return (
    <fieldset className="space-y-2">
      <legend className="label">{label}</legend>
      {(["generated", "typed"] as const).map((m) => (
        <label key={m} className="flex items-center gap-2 text-sm">
          <input type="radio" name="passwordMode" value={m} checked={mode === m} onChange={() => setMode(m)} />
          {t(m === "generated" ? "chooseGenerated" : "chooseTyped")}
        </label>
      ))}
      {mode === "typed" && (
        <Field id={`${idPrefix}-password`} label={t("temporary")} hint={t("rulesHint")} errors={errors}>
          {(aria) => (
            <input
              {...aria}
              name="password"
              type="text"
              className="input font-mono"
              autoComplete="off"
              spellCheck={false}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
      )}
    </fieldset>
  );
}
