/**
 * The last time any of this person's tabs reached the server, shared between tabs so that they
 * run one idle timer: typing in one tab keeps the warning away in the others. BroadcastChannel
 * where the browser has it; elsewhere the `storage` event, which other tabs of the same origin
 * receive when one writes to localStorage (only a time is written, nothing personal).
 */

const CHANNEL = "portal.server-contact";

export type ServerContactChannel = {
  /** Tells the other tabs that this one reached the server at `atMs`. */
  announce: (atMs: number) => void;
  close: () => void;
};

export function openServerContactChannel(onContact: (atMs: number) => void): ServerContactChannel {
  if (typeof BroadcastChannel === "function") {
    const channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = (event: MessageEvent<unknown>) => {
      if (typeof event.data === "number") onContact(event.data);
    };
    return { announce: (atMs) => channel.postMessage(atMs), close: () => channel.close() };
  }
  const onStorage = (event: StorageEvent) => {
    const atMs = event.key === CHANNEL && event.newValue ? Number(event.newValue) : NaN;
    if (Number.isFinite(atMs)) onContact(atMs);
  };
  window.addEventListener("storage", onStorage);
  return {
    announce: (atMs) => {
      try {
        localStorage.setItem(CHANNEL, String(atMs));
      } catch {
        // Storage refused (private mode, quota): this tab keeps its own timer.
      }
    },
    close: () => window.removeEventListener("storage", onStorage),
  };
}

/**
 * Calls `onContact` with how long ago the request started, when a request of this page got an
 * answer from our server (the server looks at the session as the request arrives, which for
 * a large upload is long before the answer): a server action
 * (autosave, Find address, Stay signed in...) or an upload. Each of those resolves the session on
 * the server (the action wrapper, the upload route), so each touched the server's idle clock.
 * Left out: requests for the app's own scripts (`/_next/`), which never look at the session,
 * and router payloads (`_rsc`), which a prefetch may send without the person doing anything; a
 * page the person moves to counts through its address instead. A request that got no answer
 * (responseStatus 0: the network failed) does not count.
 */
export function observeServerContact(onContact: (startedMsAgo: number) => void): () => void {
  if (typeof PerformanceObserver !== "function" || !PerformanceObserver.supportedEntryTypes?.includes("resource")) return () => undefined;
  const observer = new PerformanceObserver((list) => {
    const contacts = list.getEntries().filter((entry) => isServerContact(entry as PerformanceResourceTiming, window.location.origin));
    // The latest start among them; a duration, so it holds whatever the page's clock says.
    if (contacts.length > 0) onContact(Math.min(...contacts.map((entry) => entry.duration)));
  });
  observer.observe({ type: "resource", buffered: false });
  return () => observer.disconnect();
}

export function isServerContact(entry: Pick<PerformanceResourceTiming, "name" | "initiatorType"> & { responseStatus?: number }, origin: string): boolean {
  if (entry.initiatorType !== "fetch" && entry.initiatorType !== "xmlhttprequest") return false;
  // Browsers without responseStatus cannot tell an answer from a failure: rely on the rest.
  if (entry.responseStatus === undefined || entry.responseStatus === 0) return false;
  let url: URL;
  try {
    url = new URL(entry.name);
  } catch {
    return false;
  }
  return url.origin === origin && !url.pathname.startsWith("/_next/") && !url.searchParams.has("_rsc");
}
