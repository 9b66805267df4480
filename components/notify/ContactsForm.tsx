"use client";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Field } from "@/components/ui/Field";
import { FormResult } from "@/components/ui/FormResult";
import { SubmitButton } from "@/components/ui/SubmitButton";
import { updateContactsAction } from "@/lib/notify/actions";
import { CHOOSABLE_CHANNELS, type Contacts } from "@/lib/notify/contacts";

/** Mobile, email, 钉钉 / 企业微信 ids and the channels that reach the person; for /account and the users page. */
export function ContactsForm({ userId, version, initial, configured }: { userId: string; version: number; initial: Contacts; configured: string[] }) {
  const t = useTranslations("contacts");
  const [state, action] = useActionState(updateContactsAction, {});
  const result = state.result;
  // Controlled, so a refused save keeps what was typed (React resets a form after its action).
  const [values, setValues] = useState(initial);
  const errors = result && !result.ok && result.error === "invalid" ? result.fieldErrors : {};
  const currentVersion = result?.ok && result.data ? result.data.version : version;
  const text = (name: "mobile" | "email" | "dingtalkUserId" | "wecomUserId", type: string, autoComplete: string) => (
    <Field id={`contacts-${name}`} label={t(name)} errors={errors[name]}>
      {(control) => (
        <input
          {...control}
          name={name}
          type={type}
          autoComplete={autoComplete}
          className="input"
          value={values[name] ?? ""}
          onChange={(e) => setValues({ ...values, [name]: e.target.value })}
        />
      )}
    </Field>
  );
  return (
    <form action={action} className="space-y-4" noValidate data-testid="contacts-form">
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="version" value={currentVersion} />
      <div className="grid gap-4 sm:grid-cols-2">
        {text("mobile", "tel", "tel")}
        {text("email", "email", "email")}
        {text("dingtalkUserId", "text", "off")}
        {text("wecomUserId", "text", "off")}
      </div>
      <fieldset>
        <legend className="label">{t("channels")}</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input type="checkbox" checked disabled /> {t("inAppAlways")}
          </label>
          {CHOOSABLE_CHANNELS.map((c) => (
            <label key={c} className="flex items-center gap-2">
              <input
                type="checkbox"
                name="notifyChannels"
                value={c}
                checked={values.notifyChannels.includes(c)}
                onChange={(e) =>
                  setValues({ ...values, notifyChannels: e.target.checked ? [...values.notifyChannels, c] : values.notifyChannels.filter((x) => x !== c) })
                }
              />
              {t(`channel.${c}`)}
              {!configured.includes(c) && <span className="text-slate-500">{t("notConfigured")}</span>}
            </label>
          ))}
        </div>
      </fieldset>
      <FormResult result={result} saved={t("saved")} refused={{ conflict: t("stale") }} />
      <SubmitButton>{t("save")}</SubmitButton>
    </form>
  );
}
