import { useId, type ReactNode } from "react";

export type NotificationBannerProps = {
  type?: "info" | "success";
  /** The small header line; GOV.UK's defaults are "Important" and "Success". */
  title?: string;
  /** The banner's main message, in bold. */
  heading?: ReactNode;
  children?: ReactNode;
};

const styles = {
  info: { border: "border-brand", header: "bg-brand" },
  success: { border: "border-success", header: "bg-success" },
};

/**
 * GOV.UK's notification banner. A success banner reports the outcome of what the user just
 * did, so it is an alert (read out at once); an information banner is a labelled region.
 */
export function NotificationBanner({ type = "info", title, heading, children }: NotificationBannerProps) {
  const titleId = useId();
  const isSuccess = type === "success";
  return (
    <div
      role={isSuccess ? "alert" : "region"}
      aria-labelledby={titleId}
      className={`mb-8 border-[5px] sm:mb-12 ${styles[type].border} ${styles[type].header}`}
    >
      <div className="px-2.5 pt-0.5 pb-[3px] sm:px-[15px] sm:pb-[5px]">
        <h2 id={titleId} className="body-m font-bold text-white">
          {title ?? (isSuccess ? "Success" : "Important")}
        </h2>
      </div>
      <div className="body-m bg-white p-[15px] sm:p-5">
        {heading != null && <p className="heading-m mb-4 last:mb-0">{heading}</p>}
        {children}
      </div>
    </div>
  );
}
