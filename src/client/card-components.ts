/**
 * The card components' behaviour in the browser (a bundled file script: the Content-Security-Policy
 * allows no inline script). Tabs made by src/core/site/component-markup.ts are a tab list once
 * this runs (without it, every panel shows under its label). The reader's choice is remembered in
 * localStorage by the group's sync key (`syncKey`, e.g. "platform") and the tab's label, so picking
 * "Android" once selects "Android" in every group with that key, on every card.
 */

const STORE_PREFIX = "verity-tab:";

function remembered(key: string): string | null {
  try {
    return localStorage.getItem(STORE_PREFIX + key);
  } catch {
    return null;
  }
}

function remember(key: string, label: string): void {
  try {
    localStorage.setItem(STORE_PREFIX + key, label);
  } catch {
    // Storage refused (private mode, quota): the choice holds on this page only.
  }
}

function tabsOf(group: HTMLElement): HTMLButtonElement[] {
  return [...group.querySelectorAll<HTMLButtonElement>(":scope > .tabs-list > [role=tab]")];
}

function select(group: HTMLElement, tab: HTMLButtonElement, focus: boolean): void {
  for (const other of tabsOf(group)) {
    const selected = other === tab;
    other.setAttribute("aria-selected", String(selected));
    other.tabIndex = selected ? 0 : -1;
    const panel = document.getElementById(other.getAttribute("aria-controls") ?? "");
    if (panel) panel.hidden = !selected;
  }
  if (focus) tab.focus();
}

/** Selects the tab with `label` in every group with `key` (this page); true when one had it. */
function selectEverywhere(key: string, label: string): void {
  for (const group of document.querySelectorAll<HTMLElement>(".tabs[data-ready]")) {
    if ((group.dataset.tabsKey ?? "default") !== key) continue;
    const tab = tabsOf(group).find((t) => t.dataset.tabLabel === label);
    if (tab) select(group, tab, false);
  }
}

export function startTabs(): void {
  for (const group of document.querySelectorAll<HTMLElement>(".card-body .tabs")) {
    const tabs = tabsOf(group);
    const list = group.querySelector<HTMLElement>(":scope > .tabs-list");
    if (!list || tabs.length === 0) continue;
    const key = group.dataset.tabsKey ?? "default";
    list.hidden = false;
    group.dataset.ready = "";
    const saved = remembered(key);
    select(group, tabs.find((t) => t.dataset.tabLabel === saved) ?? tabs[0]!, false);
    tabs.forEach((tab, i) => {
      tab.addEventListener("click", () => {
        const label = tab.dataset.tabLabel ?? "";
        remember(key, label);
        select(group, tab, false);
        selectEverywhere(key, label);
      });
      tab.addEventListener("keydown", (event) => {
        const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[event.key];
        if (next === undefined) return;
        event.preventDefault();
        const target = tabs[(next + tabs.length) % tabs.length]!;
        select(group, target, true);
        remember(key, target.dataset.tabLabel ?? "");
      });
    });
  }
}
