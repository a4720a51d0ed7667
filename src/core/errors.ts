/**
 * Errors a user can cause, each with its exit code. Anything else that is thrown is a bug: the CLI
 * prints it with a stack trace only under `--verbose`.
 */

export class VerityError extends Error {
  readonly exitCode: number;
  readonly hint: string | undefined;

  constructor(message: string, options: { exitCode: number; hint?: string; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.exitCode = options.exitCode;
    this.hint = options.hint;
  }
}

/** Wrong command-line use: unknown option, a path that does not exist. Exit 2. */
export class UsageError extends VerityError {
  constructor(message: string, hint?: string) {
    super(message, { exitCode: 2, hint });
  }
}

/** A configuration file, rule file or template that cannot be used. Exit 2. */
export class ConfigError extends VerityError {
  constructor(message: string, hint?: string) {
    super(message, { exitCode: 2, hint });
  }
}

/** A check ran and found errors (lint errors, a leak, a failed build step). Exit 1. */
export class CheckFailed extends VerityError {
  constructor(message: string, hint?: string) {
    super(message, { exitCode: 1, hint });
  }
}
