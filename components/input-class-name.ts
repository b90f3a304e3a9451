/**
 * The one look shared by text boxes, date parts, selects and textareas, so a red error border
 * and the yellow focus ring are identical on every control.
 */
export type InputWidth = "full" | "20" | "10" | "5" | "4" | "3" | "2";

// Widths in ex so a box fits the characters it expects (GOV.UK's fixed-width inputs).
const widthClasses: Record<InputWidth, string> = {
  full: "w-full",
  "20": "w-full max-w-[41ex]",
  "10": "w-full max-w-[23ex]",
  "5": "w-full max-w-[10.8ex]",
  "4": "w-full max-w-[9ex]",
  "3": "w-full max-w-[7.2ex]",
  "2": "w-full max-w-[5.4ex]",
};

type InputClassOptions = {
  hasError?: boolean;
  width?: InputWidth;
  /** Selects keep the browser's own arrow; text boxes drop iOS's rounded, shadowed look. */
  keepsNativeAppearance?: boolean;
};

export function inputClassName({ hasError = false, width = "full", keepsNativeAppearance = false }: InputClassOptions = {}): string {
  return [
    "body-m block min-h-11 rounded-none border-2 bg-white p-[5px] text-ink focus-input",
    keepsNativeAppearance ? "appearance-auto" : "appearance-none",
    widthClasses[width],
    hasError ? "border-error focus:border-ink" : "border-ink",
  ].join(" ");
}
