import type { ReactNode } from "react";
import { Button, type ButtonVariant } from "./button";

type Props = {
  action: (formData: FormData) => void;
  /** The ids the action needs (the case's, the referral's), sent as hidden fields. */
  hidden?: Record<string, string>;
  /** The submit button's words. */
  submit: ReactNode;
  variant?: ButtonVariant;
  /** The submit button's own id, for a message or link that points at it. */
  submitId?: string;
  /** While the post is on its way the button rests, so a second press sends nothing twice. */
  isPending: boolean;
  className?: string;
  /** The fields, between the hidden ids and the button. */
  children?: ReactNode;
};

/**
 * A form posting to one server action: its hidden ids, its fields, then its one submit button.
 * Plain HTML (the browser's own checks off, the server's messages shown), so it works without
 * JavaScript.
 */
export function ActionForm({ action, hidden = {}, submit, variant, submitId, isPending, className, children }: Props) {
  return (
    <form action={action} className={className} noValidate>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <Button id={submitId} type="submit" variant={variant} disabled={isPending}>
        {submit}
      </Button>
    </form>
  );
}
