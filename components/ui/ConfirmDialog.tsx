"use client";
import { useId, useRef } from "react";

/**
 * The app's one confirmation: a button that asks first, in a modal <dialog> (the browser keeps focus
 * in it, Esc cancels, and it is announced as a dialog with its title and text). Confirming either
 * submits the enclosing form with `submit`'s name and value (e.g. 提交审核; without JavaScript the
 * button submits directly), or calls `onConfirm` (e.g. deleting a file).
 */
export function ConfirmDialog({
  label,
  className,
  disabled,
  title,
  body,
  confirmLabel,
  cancelLabel,
  submit,
  onConfirm,
  danger,
}: {
  /** The button that opens the dialog. */
  label: React.ReactNode;
  className?: string;
  disabled?: boolean;
  title: string;
  body: React.ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  submit?: { name: string; value: string };
  onConfirm?: () => void;
  /** The confirmation destroys something: its button says so in red. */
  danger?: boolean;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  return (
    <>
      <button
        type={submit ? "submit" : "button"}
        name={submit?.name}
        value={submit?.value}
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
            <button
              type={submit ? "submit" : "button"}
              name={submit?.name}
              value={submit?.value}
              className={danger ? "btn bg-red-700 text-white hover:bg-red-800" : "btn-primary"}
              onClick={() => {
                dialog.current?.close();
                onConfirm?.();
              }}
            >
              {confirmLabel}
            </button>
          </div>
        </div>
      </dialog>
    </>
  );
}
