"use client";

/**
 * With JavaScript, "Upload file" sends the file in the background and shows how far it has got
 * (a progress bar, announced to screen readers), then redraws the page with the result. An
 * answer that is not the route's redirect back (a refusal such as 404 or 500, or no answer at
 * all) is said beside the file field and in the error summary (upload-failure.ts). Without
 * JavaScript the same form posts normally.
 */
import { useRouter } from "next/navigation";
import { useContext, useEffect, useState } from "react";
import { UploadFailureContext, uploadFailureMessage } from "./upload-failure";

export function UploadProgress({ formId }: { formId: string }) {
  const router = useRouter();
  const { report } = useContext(UploadFailureContext);
  const [percent, setPercent] = useState<number | null>(null);

  useEffect(() => {
    const form = document.getElementById(formId);
    if (!(form instanceof HTMLFormElement)) return;
    const onSubmit = (event: SubmitEvent) => {
      event.preventDefault();
      const input = document.querySelector<HTMLInputElement>(`input[type=file][form="${formId}"]`);
      const fileNames = Array.from(input?.files ?? [], (file) => file.name);
      const request = new XMLHttpRequest();
      request.open("POST", form.action);
      request.upload.addEventListener("progress", (progress) => {
        if (progress.lengthComputable) setPercent(Math.round((progress.loaded / progress.total) * 100));
      });
      request.addEventListener("loadend", () => {
        setPercent(null);
        // The route answers with a redirect to the page to go back to (followed here, so a page
        // comes back), its message in a cookie the refreshed page reads. Anything else refused.
        const isPageBack = request.status >= 200 && request.status < 300;
        const message = isPageBack ? null : uploadFailureMessage(request.status, fileNames);
        report(message);
        // Kept when it failed, so "Upload file" can simply be pressed again.
        if (message !== null) return;
        if (input) input.value = "";
        router.refresh();
      });
      report(null);
      setPercent(0);
      request.send(new FormData(form));
    };
    form.addEventListener("submit", onSubmit);
    return () => form.removeEventListener("submit", onSubmit);
  }, [formId, router, report]);

  if (percent === null) return null;
  return (
    <div className="mb-6" role="status" aria-live="polite">
      <label htmlFor={`${formId}-progress`} className="mb-1 block font-bold">
        Uploading: {percent}%
      </label>
      <progress id={`${formId}-progress`} max={100} value={percent} className="h-4 w-full max-w-[30em] accent-brand">
        {percent}%
      </progress>
    </div>
  );
}
