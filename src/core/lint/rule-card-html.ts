/**
 * `html-removed`: what the sanitizer takes out of a card (script, event handlers, unsafe URLs,
 * elements GitHub does not allow), at its line, so nothing disappears silently.
 * `remote-resource` / `remote-resource-wiki`: an image, video, audio or iframe loaded from another
 * host that the site's embed allow-list does not name; the sites remove it. An error for cards on
 * the public help center, a warning for the wiki. Both come from the same core decision the build
 * renders with (src/core/site/card-html.ts).
 */
import type { VerityConfig } from "../config.ts";
import type { Finding } from "../findings.ts";
import type { Card } from "../load-cards.ts";
import { cardHtml, isAllowedResource, remoteResources, type EmbedPolicy, type RemoteResource } from "../site/card-html.ts";

export interface CardHtmlRules {
  htmlRemoved: boolean;
  remote: boolean;
}

/** Findings with UTF-16 columns (the caller converts them to code points). */
export function checkCardHtml(card: Card, config: VerityConfig, rules: CardHtmlRules): Finding[] {
  let analysis: ReturnType<typeof cardHtml>;
  try {
    analysis = cardHtml(card, { report: rules.htmlRemoved });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return [{ ruleId: "html-removed", severity: "error", file: card.file, line: 1, column: 1, message: "The card nests too deeply to be rendered safely. Flatten its lists, quotes or HTML." }];
  }
  const findings: Finding[] = [];
  if (rules.htmlRemoved) {
    for (const removal of analysis.removed) {
      findings.push({ ruleId: "html-removed", severity: "error", file: card.file, line: removal.line, column: removal.column, message: removal.message });
    }
  }
  if (!rules.remote) return findings;
  const policy = (site: "public" | "internal"): EmbedPolicy => ({ embeds: config.sites[site].embeds, siteUrl: config.sites[site].url });
  for (const resource of remoteResources(analysis.tree)) {
    if (card.data.audience === "external" && !isAllowedResource(resource, policy("public"))) {
      findings.push(remoteFinding(card, resource, "public", config));
    } else if (!isAllowedResource(resource, policy("internal"))) {
      findings.push(remoteFinding(card, resource, "internal", config));
    }
  }
  return findings;
}

const WHAT: Record<string, string> = { img: "image", source: "image or media source", video: "video", audio: "audio", iframe: "embedded page" };

function remoteFinding(card: Card, resource: RemoteResource, site: "public" | "internal", config: VerityConfig): Finding {
  const siteName = site === "public" ? "public help center" : "internal wiki";
  const key = `sites.${site}.embeds`;
  const allowed = config.sites[site].embeds;
  const fix = !resource.secure
    ? `Use an https:// address${allowed.length > 0 ? " from a host in " + key : ""}, or save the file next to the card and link it by path.`
    : `Save the file next to the card and link it by path, or, if ${resource.host} is a trusted embed host, add it to ${key} in verity.config.yml.`;
  return {
    ruleId: site === "public" ? "remote-resource" : "remote-resource-wiki",
    severity: site === "public" ? "error" : "warning",
    file: card.file,
    line: resource.line,
    column: resource.column,
    message:
      `The ${WHAT[resource.tag] ?? resource.tag} from ${shorten(resource.url)} is removed from the ${siteName}: its pages load ` +
      `images, media and frames only from the site itself and from ${key} (${allowed.length > 0 ? allowed.join(", ") : "none"}), so readers' browsers never contact other hosts. ${fix}`,
  };
}

function shorten(url: string): string {
  return url.length > 80 ? `${url.slice(0, 77)}…` : url;
}
