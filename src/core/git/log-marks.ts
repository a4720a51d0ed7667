/**
 * How Verity's git log formats mark a commit, shared by every reader of them: each commit's header
 * starts with this mark and the commit's id (SHA-1 or SHA-256) on a line of its own, which no line of
 * a patch and no subject line can start with, so a header is never forged by what a commit holds.
 */
export const HEADER_MARK = "\x1e";

/** A git object id, SHA-1 (40 hex digits) or SHA-256 (64), as a regular expression source. */
export const OBJECT_ID_SOURCE = "[0-9a-f]{40}|[0-9a-f]{64}";

/** A line that starts a commit: the mark and an object id (captured), nothing else. */
export const HEADER_LINE = new RegExp(`^${HEADER_MARK}(${OBJECT_ID_SOURCE})$`);
