import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { settledAddress } from "../../src/client/settled-address.ts";

// The search page wrote its address (`?q=` and the filters) for every search: in Chromium each `history.replaceState`
// also updates the browser's history entry and fetches and decodes the page's icon again, which took about 40% of a
// question's time on the page, and more than 200 of them in 10 s are throttled. The address now follows a search once
// it has stood for a moment, and at once when the reader does anything that may leave the page.
describe("the search page's address", () => {
  let written: string[];
  let events: EventTarget;
  let documentEvents: EventTarget & { visibilityState?: string };
  let current: string;
  const address = (q: string) => new URL(`https://help.example/search/?q=${encodeURIComponent(q)}`);

  function start(delay = 400) {
    return settledAddress({
      delayMs: delay,
      current: () => current,
      write: (url) => {
        written.push(url.search);
        current = url.href;
      },
      window: events,
      document: documentEvents,
    });
  }

  beforeEach(() => {
    vi.useFakeTimers();
    written = [];
    events = new EventTarget();
    documentEvents = new EventTarget();
    current = "https://help.example/search/";
  });
  afterEach(() => vi.useRealTimers());

  it("is written once for a burst of searches, when the last has stood for the delay", () => {
    const sync = start();
    for (const q of ["r", "re", "ref", "refu", "refund"]) {
      sync.set(address(q));
      vi.advanceTimersByTime(100);
    }
    expect(written).toEqual([]);
    vi.advanceTimersByTime(300);
    expect(written).toEqual(["?q=refund"]);
  });

  it("is written at once when the reader clicks, presses Enter, hides or leaves the page", () => {
    const sync = start();
    const cases: [EventTarget, string, Event][] = [
      [events, "pointerdown", new Event("pointerdown")],
      [events, "keydown", Object.assign(new Event("keydown"), { key: "Enter" })],
      [events, "pagehide", new Event("pagehide")],
      [documentEvents, "visibilitychange", new Event("visibilitychange")],
    ];
    cases.forEach(([target, , event], i) => {
      sync.set(address(`question ${i}`));
      if (event.type === "visibilitychange") documentEvents.visibilityState = "hidden";
      target.dispatchEvent(event);
      expect(written.at(-1), event.type).toBe(`?q=question%20${i}`);
    });
    expect(written).toHaveLength(4);
    vi.advanceTimersByTime(1000);
    expect(written).toHaveLength(4);
  });

  it("is not written for other keys, nor when the page shows again, nor twice for the same address", () => {
    const sync = start();
    sync.set(address("refund"));
    events.dispatchEvent(Object.assign(new Event("keydown"), { key: "a" }));
    documentEvents.visibilityState = "visible";
    documentEvents.dispatchEvent(new Event("visibilitychange"));
    expect(written).toEqual([]);
    vi.advanceTimersByTime(400);
    expect(written).toEqual(["?q=refund"]);
    sync.set(address("refund"));
    vi.advanceTimersByTime(400);
    sync.flush();
    expect(written).toEqual(["?q=refund"]);
  });

  it("is written at once when asked (a filter the reader chose)", () => {
    const sync = start();
    sync.set(address("refund"), { now: true });
    expect(written).toEqual(["?q=refund"]);
    vi.advanceTimersByTime(1000);
    expect(written).toEqual(["?q=refund"]);
  });
});
