"use client";
import { useId, useRef } from "react";

/**
 * A submit button that asks first. The question is a modal <dialog> (the browser keeps focus in it,
 * Esc cancels, and it is announced as a dialog with its title and text); confirming submits the
 * enclosing form with the same name and value. Without JavaScript the button submits directly.
 */
export function ConfirmSubmit({
  name,
  value,
  label,
  className,
  disabled,
  title,
  body,
  confirmLabel,
  cancelLabel,
}: {
  name: string;
  value: string;
  label: React.ReactNode;
  className?: string;
  disabled?: boolean;
  title: string;
  body: React.ReactNode;
  confirmLabel: string;
  cancelLabel: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  return (
    <>
      <button
        type="submit"
        name={name}
        value={value}
        className={className}
        disabled={disabled}
        aria-haspopup="dialog"
        onClick={(e) => {
          e.preventDefault();
          dialog.current?.showModal();
        }}
      >
        {label}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-body`}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-slate-200 p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
      >
        <div className="space-y-4 p-5">
          <h2 id={`${id}-title`} className="text-lg font-semibold">
            {title}
          </h2>
          <div id={`${id}-body`} className="space-y-2 text-sm text-slate-700">
            {body}
          </div>
          {/* Cancel first: it is where the focus lands when the dialog opens. */}
          <div className="flex flex-wrap justify-end gap-3">
            <button type="button" className="btn-secondary" onClick={() => dialog.current?.close()}>
              {cancelLabel}
            </button>
            <button type="submit" name={name} value={value} className="btn-primary" onClick={() => dialog.current?.close()}>
              {confirmLabel}
            </button>
          </div>
        </div>
      </dialog>
    </>
  );
}
