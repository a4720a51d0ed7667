/**
 * The tools we compare against, installed on first use into bench/.work/peers/<name> (gitignored,
 * never into the repository's package.json), serialised with the other installs on this machine.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface Peer {
  dir: string;
  versions: Record<string, string>;
}

export interface PeerSpec {
  name: string;
  packages: readonly string[];
  /** The package whose presence means the install is done. */
  marker: string;
}

export const MARKDOWNLINT: PeerSpec = { name: "markdownlint", packages: ["markdownlint-cli2"], marker: "markdownlint-cli2" };
export const STARLIGHT: PeerSpec = { name: "starlight", packages: ["@astrojs/starlight", "astro"], marker: "@astrojs/starlight" };

/** Installs the peer when missing (latest versions) and returns where it is. Throws with npm's output on failure. */
export function ensurePeer(workDir: string, spec: PeerSpec, log: (line: string) => void): Peer {
  const dir = path.join(workDir, "peers", spec.name);
  const installed = () => existsSync(path.join(dir, "node_modules", spec.marker, "package.json"));
  if (!installed()) {
    mkdirSync(dir, { recursive: true });
    if (!existsSync(path.join(dir, "package.json"))) {
      writeFileSync(path.join(dir, "package.json"), `${JSON.stringify({ name: `bench-peer-${spec.name}`, private: true, type: "module" }, null, 2)}\n`);
    }
    log(`installing ${spec.packages.join(" ")} into ${path.relative(process.cwd(), dir)}`);
    execFileSync("flock", ["/tmp/npm.lock", "npm", "install", "--prefix", dir, "--no-audit", "--no-fund", ...spec.packages], {
      stdio: ["ignore", "ignore", "pipe"],
      encoding: "utf8",
    });
    if (!installed()) throw new Error(`npm install ${spec.packages.join(" ")} finished but ${spec.marker} is missing in ${dir}`);
  }
  const versions: Record<string, string> = {};
  for (const name of spec.packages) {
    const file = path.join(dir, "node_modules", name, "package.json");
    if (existsSync(file)) versions[name] = (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
  }
  return { dir, versions };
}
