/** Global setup of the sites project: one folder for the demo builds the test files share (`demo-build.ts`). */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(path.join(tmpdir(), "verity-demo-builds-"));
  project.provide("demoBuilds", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
