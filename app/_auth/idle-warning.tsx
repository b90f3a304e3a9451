"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { usePathname, useRouter } from "next/navigation";
import { staySignedInAction } from "@/app/account/stay-signed-in/actions";
import { signOutAction } from "@/app/account/sign-out/actions";
import { Button } from "@/components/button";
import { countdownWords, idleDeadlines, isKeepAliveDue } from "./idle-timing";
import { observeServerContact, openServerContactChannel, type ServerContactChannel } from "./server-contact";

type Props = {
  idleMinutes: number;
  warningMinutes: number;
  /**
   * When the page was shown (Date.now() at hydration: idle-warning-loader.tsx), counted as the
   * first contact instead of this component's own mount, which comes later, once its chunk has
   * arrived: the page's request reached the server before either.
   */
  shownAtMs?: number;
};

/**
 * With JavaScript, warns before the idle sign-out and offers "Stay signed in". Without
 * JavaScript the next request simply goes to sign in and comes back to the page.
 *
 * The timer runs on the browser's clock from the last time the browser reached the server (a
 * page, a server action such as autosave, an upload, a keep-alive), shared by every tab of the
 * portal; deadlines are in idle-timing.ts. Typing counts, but only through the server: the
 * server's idle clock is what signs a person out, and a keystroke that never leaves the page
 * keeps nothing alive there. So a keystroke after a quiet minute sends one keep-alive
 * (staySignedInAction, at most one a minute and none while one is on its way), and the timer
 * moves when its answer comes back, never on the keystroke itself. We do not wait for autosave
 * instead: it saves only after a pause, and someone typing a long answer without pausing would
 * get the dialog mid-sentence; where autosave has just reached the server, that already counts
 * and no keep-alive is sent.
 */
export function IdleWarning({ idleMinutes, warningMinutes, shownAtMs }: Props) {
  const pathname = usePathname();
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const lastContact = useRef(0);
  const isKeepAliveInFlight = useRef(false);
  const channel = useRef<ServerContactChannel | null>(null);
  const firstContact = useRef(shownAtMs);
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  /** The countdown's words when the dialog opened: its description reads them out then. */
  const [openedWith, setOpenedWith] = useState("");

  /** The server was reached at `atMs` (here or in another tab): the warning starts again. */
  const noteContact = useCallback((atMs: number, { isFromOtherTab = false } = {}) => {
    if (atMs <= lastContact.current) return;
    lastContact.current = atMs;
    if (!isFromOtherTab) channel.current?.announce(atMs);
    if (dialog.current?.open) dialog.current.close();
    setSecondsLeft(null);
  }, []);

  useEffect(() => {
    channel.current = openServerContactChannel((atMs) => noteContact(atMs, { isFromOtherTab: true }));
    const stopObserving = observeServerContact((startedMsAgo) => noteContact(Date.now() - startedMsAgo));
    return () => {
      stopObserving();
      channel.current?.close();
      channel.current = null;
    };
  }, [noteContact]);

  // Every page the user moves to was a request to the server; the first, when it was shown.
  useEffect(() => {
    noteContact(firstContact.current ?? Date.now());
    firstContact.current = undefined;
  }, [pathname, noteContact]);

  // Typing: a keep-alive when the server has heard nothing for a minute (see above).
  useEffect(() => {
    const onInput = () => {
      if (!isKeepAliveDue(Date.now(), lastContact.current, isKeepAliveInFlight.current)) return;
      isKeepAliveInFlight.current = true;
      // Counted from when it was sent: the server marks the session at some moment after that.
      const sentAt = Date.now();
      staySignedInAction()
        .then((isStillSignedIn) => {
          // Already ended on the server: nothing to extend. The timer runs out and the sign-in
          // page comes, as it would have; the page's own saves say what was kept.
          if (isStillSignedIn) noteContact(sentAt);
        })
        .catch(() => undefined)
        .finally(() => {
          isKeepAliveInFlight.current = false;
        });
    };
    document.addEventListener("input", onInput, true);
    return () => document.removeEventListener("input", onInput, true);
  }, [noteContact]);

  useEffect(() => {
    const tick = () => {
      const nowMs = Date.now();
      const { warnAt, endAt } = idleDeadlines(lastContact.current, idleMinutes, warningMinutes);
      if (nowMs >= endAt) {
        router.push(`/account/sign-in?returnTo=${encodeURIComponent(pathname)}`);
        return;
      }
      if (nowMs >= warnAt) {
        const seconds = Math.ceil((endAt - nowMs) / 1000);
        setSecondsLeft(seconds);
        if (!dialog.current?.open) {
          setOpenedWith(countdownWords(seconds));
          dialog.current?.showModal();
        }
      }
    };
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [idleMinutes, warningMinutes, pathname, router]);

  const staySignedIn = useCallback(async () => {
    const sentAt = Date.now();
    const isStillSignedIn = await staySignedInAction();
    dialog.current?.close();
    setSecondsLeft(null);
    if (isStillSignedIn) noteContact(sentAt);
    else router.push(`/account/sign-in?returnTo=${encodeURIComponent(pathname)}`);
  }, [pathname, router, noteContact]);

  const words = countdownWords(secondsLeft ?? warningMinutes * 60);
  return (
    <dialog ref={dialog} aria-labelledby="idle-warning-heading" aria-describedby="idle-warning-text" className="m-auto max-w-[30em] border-[5px] border-ink p-6 backdrop:bg-black/60">
      <h2 id="idle-warning-heading" className="heading-m mb-4">
        You will be signed out soon
      </h2>
      <p id="idle-warning-text" className="mb-6">
        For your security, we will sign you out in {words} if you do not do anything. Anything you have saved will not be lost.
      </p>
      {/* Read out when the words change (each minute, then at 30 seconds), not every second.
          Empty while the dialog opens, so the opening is read once, through its description. */}
      <p role="status" aria-live="polite" className="sr-only">
        {secondsLeft !== null && words !== openedWith ? `We will sign you out in ${words}.` : ""}
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
