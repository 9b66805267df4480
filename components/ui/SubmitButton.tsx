"use client";
import { useFormStatus } from "react-dom";

/** A form's submit button that says it is working (and cannot be pressed twice) while its form is sent. */
export function SubmitButton({
  children,
  pendingLabel,
  className = "btn-primary",
  disabled,
  name,
  value,
}: {
  children: React.ReactNode;
  pendingLabel?: React.ReactNode;
  className?: string;
  disabled?: boolean;
  name?: string;
  value?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className} disabled={pending || disabled} name={name} value={value} aria-busy={pending || undefined}>
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
