"use client";

/**
 * With JavaScript, "Upload file" sends the file in the background and shows how far it has got
 * (a progress bar, announced to screen readers), then redraws the page with the result. Without
 * JavaScript the same form posts normally.
 */
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

export function UploadProgress({ formId }: { formId: string }) {
  const router = useRouter();
  const [percent, setPercent] = useState<number | null>(null);

  useEffect(() => {
    const form = document.getElementById(formId);
    if (!(form instanceof HTMLFormElement)) return;
    const onSubmit = (event: SubmitEvent) => {
      event.preventDefault();
      const request = new XMLHttpRequest();
      request.open("POST", form.action);
      request.upload.addEventListener("progress", (progress) => {
        if (progress.lengthComputable) setPercent(Math.round((progress.loaded / progress.total) * 100));
      });
      const finish = () => {
        setPercent(null);
        const input = document.querySelector<HTMLInputElement>(`input[type=file][form="${formId}"]`);
        if (input) input.value = "";
        // The handler answered with the page to go back to, and its message in a cookie.
        router.refresh();
      };
      request.addEventListener("loadend", finish);
      setPercent(0);
      request.send(new FormData(form));
    };
    form.addEventListener("submit", onSubmit);
    return () => form.removeEventListener("submit", onSubmit);
  }, [formId, router]);

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
