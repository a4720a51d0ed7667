#!/usr/bin/env node
// Adds lockfile entries for optional platform packages (native binaries for other systems) that
// the package registry mirror used here does not serve. Without them `npm ci` reports the lockfile
// as out of sync ("Missing: @pagefind/darwin-x64@ from lock file") even though those packages are
// never installed on this platform. Each added entry carries `optional`, `os` and `cpu` (read from
// the package name), so npm skips it on other platforms and fetches it where it applies.
// Idempotent; plain JavaScript so it runs on any Node.
import { readFileSync, writeFileSync } from "node:fs";

const file = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(file, "utf8"));
const packages = lock.packages;

const OS = { android: "android", darwin: "darwin", freebsd: "freebsd", linux: "linux", win32: "win32", windows: "win32", wasm32: null };
const CPU = { arm64: "arm64", x64: "x64", ia32: "ia32", arm: "arm", wasm32: "wasm32" };

function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const os = parts.map((p) => OS[p]).find((v) => v !== undefined);
  const cpu = parts.map((p) => CPU[p]).find(Boolean);
  if (os === undefined || !cpu) return undefined;
  const entry = { cpu: [cpu] };
  if (os) entry.os = [os];
  if (parts.includes("gnu")) entry.libc = ["glibc"];
  if (parts.includes("musl")) entry.libc = ["musl"];
  return entry;
}

let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${path}/node_modules/${name}`;
    const hoisted = `node_modules/${name}`;
    if (packages[nested] || packages[hoisted]) continue;
    const platform = platformOf(name);
    if (!platform) continue;
    packages[hoisted] = { version, optional: true, ...platform };
    added++;
  }
}
if (added > 0) {
  lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a < b ? -1 : a > b ? 1 : 0)));
  writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
}
console.log(`complete-lockfile: ${added} optional platform ${added === 1 ? "entry" : "entries"} added`);
