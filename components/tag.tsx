import type { ReactNode } from "react";

export type TagColour = "blue" | "grey" | "green" | "turquoise" | "light-blue" | "purple" | "pink" | "red" | "orange" | "yellow";

// GOV.UK Frontend v5 tag colours: dark text on a tint, each pair above 4.5:1 contrast.
const colourClasses: Record<TagColour, string> = {
  blue: "bg-[#bbd4ea] text-[#0c2d4a]",
  grey: "bg-[#e5e6e7] text-[#0b0c0c]",
  green: "bg-[#cce2d8] text-[#005a30]",
  turquoise: "bg-[#bfe3e0] text-[#10403c]",
  "light-blue": "bg-[#e8f1f8] text-[#0c2d4a]",
  purple: "bg-[#dbd5e9] text-[#3d2375]",
  pink: "bg-[#efcfdf] text-[#6b1c40]",
  red: "bg-[#f4cdc6] text-[#2a0b06]",
  orange: "bg-[#fcd6c3] text-[#6e3619]",
  yellow: "bg-[#fff7bf] text-[#594d00]",
};

/** A status such as "Submitted" or "More information requested". Not a link or a button. */
export function Tag({ colour = "blue", children }: { colour?: TagColour; children: ReactNode }) {
  return (
    <strong className={`body-m inline-block max-w-[10em] px-2 pt-0.5 pb-[3px] font-normal break-words ${colourClasses[colour]}`}>
      {children}
    </strong>
  );
}
