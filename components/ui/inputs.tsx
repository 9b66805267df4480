"use client";
// The plan forms' controls: uncontrolled (the form is re-created with what was posted after a
// refused save, so nothing typed is lost), each labelled with its hint and errors next to it.
import { Field } from "@/components/ui/Field";
import { FieldError } from "@/components/ui/form";

type Errors = Record<string, string[]>;

interface Common {
  name: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  errors: Errors;
  className?: string;
}

export function TextField({
  name,
  label,
  hint,
  errors,
  className,
  defaultValue,
  type = "text",
  inputMode,
}: Common & { defaultValue: string; type?: "text" | "date"; inputMode?: "numeric" | "decimal" }) {
  return (
    <Field id={name} label={label} hint={hint} errors={errors[name]} className={className}>
      {(aria) => <input {...aria} name={name} type={type} inputMode={inputMode} className="input" autoComplete="off" defaultValue={defaultValue} />}
    </Field>
  );
}

export function TextArea({ name, label, hint, errors, className, defaultValue, rows = 4 }: Common & { defaultValue: string; rows?: number }) {
  return (
    <Field id={name} label={label} hint={hint} errors={errors[name]} className={className}>
      {(aria) => <textarea {...aria} name={name} rows={rows} className="input py-2" defaultValue={defaultValue} />}
    </Field>
  );
}

export function SelectField({
  name,
  label,
  hint,
  errors,
  className,
  defaultValue,
  options,
  empty,
}: Common & { defaultValue: string; options: { value: string; label: string }[]; empty?: string }) {
  return (
    <Field id={name} label={label} hint={hint} errors={errors[name]} className={className}>
      {(aria) => (
        <select {...aria} name={name} className="input" defaultValue={defaultValue}>
          {empty !== undefined && <option value="">{empty}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Several choices of one kind (departments, leads): one checkbox each, posted under the same name. */
export function CheckboxGroup({
  name,
  label,
  hint,
  errors,
  checked,
  options,
  empty,
}: Common & { checked: string[]; options: { value: string; label: string }[]; empty: string }) {
  const describedBy = [errors[name] ? `${name}-error` : null, hint ? `${name}-hint` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset aria-describedby={describedBy}>
      <legend className="label">{label}</legend>
      {hint && (
        <p id={`${name}-hint`} className="mb-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {options.length === 0 && <p className="text-sm text-slate-500">{empty}</p>}
      <ul className="grid max-h-64 gap-1 overflow-y-auto sm:grid-cols-2 lg:grid-cols-3">
        {options.map((o) => (
          <li key={o.value}>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name={name} value={o.value} defaultChecked={checked.includes(o.value)} />
              {o.label}
            </label>
          </li>
        ))}
      </ul>
      <FieldError id={`${name}-error`} messages={errors[name]} />
    </fieldset>
  );
}

/** One box to tick, with its hint (posted as "on" when ticked, absent otherwise). */
export function CheckboxField({ name, label, hint, defaultChecked }: { name: string; label: string; hint?: string; defaultChecked: boolean }) {
  return (
    <div>
      <label className="flex items-center gap-2 text-sm font-medium">
        <input type="checkbox" name={name} defaultChecked={defaultChecked} aria-describedby={hint ? `${name}-hint` : undefined} />
        {label}
      </label>
      {hint && (
        <p id={`${name}-hint`} className="mt-1 ml-6 text-xs text-slate-500">
          {hint}
        </p>
      )}
    </div>
  );
}
