import Link from "next/link";
import type { ComponentProps, ReactNode } from "react";

export type ButtonVariant = "primary" | "secondary" | "warning";

type CommonProps = {
  variant?: ButtonVariant;
  /** The bold call to action with an arrow, used once on a start page. */
  isStartButton?: boolean;
  id?: string;
  children: ReactNode;
};

type ButtonAsButtonProps = CommonProps & {
  href?: undefined;
  type?: "submit" | "button" | "reset";
  name?: string;
  value?: string;
  /** A server action (or URL) for this button only, e.g. "Save for later" beside "Continue". */
  formAction?: ComponentProps<"button">["formAction"];
  formNoValidate?: boolean;
  /** The id of the form this button submits, when it stands outside it. */
  form?: string;
  disabled?: boolean;
  onClick?: ComponentProps<"button">["onClick"];
};

type ButtonAsLinkProps = CommonProps & {
  href: string;
  /** A file to download (a PDF): a plain link, not a client-side navigation. */
  isDownload?: boolean;
  /** Opens in a new tab (a PDF to print); the text should say so. */
  isNewTab?: boolean;
};

export type ButtonProps = ButtonAsButtonProps | ButtonAsLinkProps;

const base =
  "relative mb-[22px] inline-flex min-h-11 w-full cursor-pointer appearance-none items-center justify-center gap-2 rounded-none border-2 border-transparent px-2.5 pt-2 pb-[7px] text-center no-underline sm:w-auto " +
  "active:top-0.5 focus:border-focus focus:bg-focus focus:text-ink focus:shadow-[0_2px_0_var(--color-ink)] focus:outline-3 focus:outline-transparent focus:hover:bg-focus " +
  "disabled:cursor-not-allowed disabled:opacity-50";

const variants: Record<ButtonVariant, string> = {
  primary: "bg-button text-white shadow-[0_2px_0_var(--color-button-shadow)] hover:bg-button-hover",
  secondary:
    "bg-button-secondary text-ink shadow-[0_2px_0_var(--color-button-secondary-shadow)] hover:bg-button-secondary-hover",
  warning: "bg-button-warning text-white shadow-[0_2px_0_var(--color-button-warning-shadow)] hover:bg-button-warning-hover",
};

function StartArrow() {
  return (
    <svg aria-hidden="true" focusable="false" className="shrink-0" width="17.5" height="19" viewBox="0 0 33 40">
      <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
    </svg>
  );
}

export function Button(props: ButtonProps) {
  const { variant = "primary", isStartButton = false, id, children } = props;
  const className = `${base} ${variants[variant]} ${isStartButton ? "body-l font-bold" : "body-m"}`;
  const content = (
    <>
      {children}
      {isStartButton && <StartArrow />}
    </>
  );

  // A link that looks like a button still navigates, so it keeps the link role (no role="button").
  if (props.href !== undefined && props.isNewTab) {
    return (
      <a id={id} href={props.href} className={className} target="_blank" rel="noopener">
        {content}
      </a>
    );
  }
  if (props.href !== undefined && props.isDownload) {
    return (
      <a id={id} href={props.href} className={className} download>
        {content}
      </a>
    );
  }
  if (props.href !== undefined) {
    return (
      <Link id={id} href={props.href} className={className} draggable={false}>
        {content}
      </Link>
    );
  }

  const { type = "submit", name, value, formAction, formNoValidate, form, disabled, onClick } = props;
  return (
    <button
      id={id}
      type={type}
      name={name}
      value={value}
      formAction={formAction}
      formNoValidate={formNoValidate}
      form={form}
      disabled={disabled}
      aria-disabled={disabled ? true : undefined}
      onClick={onClick}
      className={className}
    >
      {content}
    </button>
  );
}
