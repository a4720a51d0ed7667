/** Reading files the way `lint --changed` does: whole texts, tolerant of files that are gone, and their frontmatter. */
import { lstatSync, readFileSync } from "node:fs";
import type { Frontmatter } from "../cards/schema.ts";
import { parseYaml } from "../cards/yaml-source.ts";

export interface LightCard {
  file: string;
  collection: string;
  url: string;
  aliases: string[];
  id: string | undefined;
  text: string;
  /** The frontmatter the card loads with; undefined when it would not load (it then does not count for trust). */
  data: Frontmatter | undefined;
}

export const FRONTMATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

export function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export function readFrontmatterData(text: string): Record<string, unknown> | undefined {
  const fm = FRONTMATTER.exec(text)?.[1];
  if (fm === undefined) return undefined;
  const value = parseYaml(fm).value;
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export function readBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch {
    return Buffer.alloc(0); // unreadable or gone: the full load reports it when the card is linted
  }
}

export function isRegularFile(file: string): boolean {
  try {
    return lstatSync(file).isFile();
  } catch {
    return false;
  }
}

export function readText(file: string): string {
  return readBytes(file).toString("utf8");
}

export function lineOfKey(text: string, key: string): number | undefined {
  const at = new RegExp(`^${key}[ \\t]*:`, "m").exec(text);
  return at ? text.slice(0, at.index).split("\n").length : undefined;
}
