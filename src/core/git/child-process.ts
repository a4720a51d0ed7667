/**
 * Node's child_process, loaded when git is first run: most lint runs start no git process (HEAD is
 * read from git's files), and loading the module, with the network modules it brings, took 5 ms.
 */
export function childProcess(): typeof import("node:child_process") {
  return process.getBuiltinModule("node:child_process");
}
