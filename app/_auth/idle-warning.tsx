"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { usePathname, useRouter } from "next/navigation";
import { staySignedInAction } from "@/app/account/stay-signed-in/actions";
import { signOutAction } from "@/app/account/sign-out/actions";
import { Button } from "@/components/button";

type Props = { idleMinutes: number; warningMinutes: number };

/**
 * With JavaScript, warns before the idle sign-out and offers "Stay signed in". The server
 * records activity at most once a minute, so the warning comes a minute early to be sure it is
 * at least `warningMinutes` before the server ends the session. Without JavaScript the next
 * request simply goes to sign in and comes back to the page.
 */
export function IdleWarning({ idleMinutes, warningMinutes }: Props) {
  const pathname = usePathname();
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const lastActivity = useRef(0);
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);

  // Every page the user moves to counts as activity.
  useEffect(() => {
    lastActivity.current = Date.now();
  }, [pathname]);

  useEffect(() => {
    const tick = () => {
      const nowMs = Date.now();
      const warnAt = lastActivity.current + (idleMinutes - warningMinutes - 1) * 60_000;
      const endAt = lastActivity.current + (idleMinutes - 1) * 60_000;
      if (nowMs >= endAt) {
        router.push(`/account/sign-in?returnTo=${encodeURIComponent(pathname)}`);
        return;
      }
      if (nowMs >= warnAt) {
        setSecondsLeft(Math.ceil((endAt - nowMs) / 1000));
        if (!dialog.current?.open) dialog.current?.showModal();
      }
    };
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [idleMinutes, warningMinutes, pathname, router]);

  const staySignedIn = useCallback(async () => {
    const isStillSignedIn = await staySignedInAction();
    dialog.current?.close();
    setSecondsLeft(null);
    if (isStillSignedIn) lastActivity.current = Date.now();
    else router.push(`/account/sign-in?returnTo=${encodeURIComponent(pathname)}`);
  }, [pathname, router]);

  const minutes = secondsLeft === null ? warningMinutes : Math.max(1, Math.ceil(secondsLeft / 60));
  return (
    <dialog ref={dialog} aria-labelledby="idle-warning-heading" aria-describedby="idle-warning-text" className="m-auto max-w-[30em] border-[5px] border-ink p-6 backdrop:bg-black/60">
      <h2 id="idle-warning-heading" className="heading-m mb-4">
        You will be signed out soon
      </h2>
      <p id="idle-warning-text" className="mb-6">
        For your security, we will sign you out in {minutes} {minutes === 1 ? "minute" : "minutes"} if you do not do anything. Anything you have saved will not be lost.
      </p>
      <div className="flex flex-wrap items-center gap-4">
        <Button type="button" onClick={staySignedIn}>
          Stay signed in
        </Button>
        <form action={signOutAction}>
          <Button type="submit" variant="secondary">
            Sign out
          </Button>
        </form>
      </div>
    </dialog>
  );
}
