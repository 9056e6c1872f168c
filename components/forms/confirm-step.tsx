'use client';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

export type ConfirmTexts = { heading: string; consequence: string; confirmLabel: string; cancelLabel: string };

const STYLE = {
  primary: 'rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark disabled:opacity-70',
  publish: 'rounded border-2 border-ok bg-ok px-4 py-2 font-semibold text-white disabled:opacity-70',
  secondary: 'rounded border-2 border-gray-700 bg-white px-4 py-2 font-semibold text-gray-900 disabled:opacity-70',
  danger: 'rounded border border-bad bg-white px-2 py-0.5 text-sm text-bad',
} as const;
export type ButtonVariant = keyof typeof STYLE;
export const buttonClass = (variant: ButtonVariant) => STYLE[variant];

/**
 * The second step of a final action (GOV.UK "check before you submit"): the
 * first button only opens an inline panel that names the consequence; the
 * action runs from the panel's own button. Focus moves to the panel's
 * heading (announced by screen readers) and back to the first button on
 * cancel; Escape cancels. `confirmType="submit"` makes the confirming button
 * submit the surrounding form (its fields go with it).
 */
export function ConfirmStep({
  triggerLabel,
  triggerAriaLabel,
  texts,
  variant = 'primary',
  confirmType = 'button',
  onConfirm,
  pending,
  testId,
  children,
}: {
  triggerLabel: string;
  triggerAriaLabel?: string;
  texts: ConfirmTexts;
  variant?: ButtonVariant;
  confirmType?: 'button' | 'submit';
  onConfirm?: () => void | boolean | Promise<void | boolean>;
  pending?: boolean;
  testId?: string;
  children?: ReactNode;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  const keepFocus = useRef(false);
  useEffect(() => {
    if (open) heading.current?.focus();
    else if (wasOpen.current && !keepFocus.current) trigger.current?.focus();
    wasOpen.current = open;
    keepFocus.current = false;
  }, [open]);
  // An action that failed (onConfirm answers false) closes the step; focus stays where the action put it (e.g. an error summary).
  async function confirm() {
    if ((await onConfirm?.()) === false) {
      keepFocus.current = true;
      setOpen(false);
    }
  }
  if (!open) {
    return (
      <button
        ref={trigger}
        type="button"
        aria-label={triggerAriaLabel}
        onClick={() => setOpen(true)}
        className={STYLE[variant]}
        data-testid={testId ? `${testId}-start` : undefined}
      >
        {triggerLabel}
      </button>
    );
  }
  return (
    <div
      role="group"
      aria-labelledby={`${id}-h`}
      className="max-w-xl space-y-3 rounded border-2 border-gray-700 bg-white p-4"
      data-testid={testId ? `${testId}-confirm` : 'confirm-step'}
      onKeyDown={(e) => {
        if (e.key === 'Escape') setOpen(false);
      }}
    >
      <h3 id={`${id}-h`} ref={heading} tabIndex={-1} className="text-lg font-semibold outline-none">
        {texts.heading}
      </h3>
      <p>{texts.consequence}</p>
      {children}
      <div className="flex flex-wrap gap-3">
        <button
          type={confirmType}
          disabled={pending}
          aria-disabled={pending}
          onClick={confirmType === 'button' ? () => void confirm() : undefined}
          className={STYLE[variant === 'danger' ? 'primary' : variant]}
        >
          {texts.confirmLabel}
        </button>
        <button type="button" onClick={() => setOpen(false)} className={STYLE.secondary}>
          {texts.cancelLabel}
        </button>
      </div>
    </div>
  );
}
