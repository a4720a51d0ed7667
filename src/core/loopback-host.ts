/**
 * DNS rebinding: a web page whose host name is made to resolve to 127.0.0.1 can read a local
 * server as its own origin. Its requests still name that host in `Host`, so a server bound to this
 * machine answers only requests that name this machine.
 */

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** The host of a `Host` header, lower case and without its port ("(none)" when there is none). */
export function hostOf(hostHeader: string | undefined): string {
  return (hostHeader ?? "").toLowerCase().replace(/:\d+$/, "") || "(none)";
}

/** True when a `Host` header names this machine: localhost, 127.0.0.1 or [::1], any port. */
export function namesThisMachine(hostHeader: string | undefined): boolean {
  return LOOPBACK_NAMES.has(hostOf(hostHeader));
}

/** True when a listening address is this machine only (localhost, ::1, 127.x.y.z). */
export function isLoopbackAddress(address: string): boolean {
  return address === "localhost" || address === "::1" || /^127\./.test(address);
}
