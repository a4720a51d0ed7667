/** The sites' Content-Security-Policy: requests only to the site and the endpoints it posts to. */
import { describe, expect, it } from "vitest";
import { policyHeader } from "../../src/core/site/csp.ts";

describe("policyHeader", () => {
  it("allows connections to the site only by default", () => {
    expect(policyHeader({ embeds: [] })).toContain("connect-src 'self';");
  });

  it("adds the origins of the feedback and usage endpoints, once each, and never a non-http scheme", () => {
    const header = policyHeader({ embeds: [], feedbackEndpoint: "https://feedback.example/votes", usageEndpoint: "https://usage.example:8443/events" });
    expect(header).toContain("connect-src 'self' https://feedback.example https://usage.example:8443;");
    expect(policyHeader({ embeds: [], feedbackEndpoint: "https://u.example/a", usageEndpoint: "https://u.example/b" })).toContain("connect-src 'self' https://u.example;");
    expect(policyHeader({ embeds: [], usageEndpoint: "javascript:alert(1)" })).toContain("connect-src 'self';");
  });
});
