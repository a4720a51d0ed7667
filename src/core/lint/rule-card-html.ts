/**
 * Whether a card can be rendered at all (`markdown-too-deep`, mandatory: HTML nested thousands deep overflows the renderer).
 * `html-removed`: what the sanitizer takes out of a card (script, event handlers, unsafe URLs,
 * elements GitHub does not allow), at its line, so nothing disappears silently.
 * `attachment-unsafe`: a linked SVG, HTML or XML file with script, or a script file (see
 * attachment-safety.ts); the build never copies it.
 * `remote-resource` / `remote-resource-wiki`: an image, video, audio or iframe loaded from another
 * host that the site's embed allow-list does not name; the sites remove it. An error for cards on
 * the public help center, a warning for the wiki. Both come from the same core decision the build
 * renders with (src/core/site/card-html.ts).
 */
import type { VerityConfig } from "../project/config.ts";
import type { Finding } from "./findings.ts";
import { type CardIndex } from "../site/links.ts";
import { linkTargetOf } from "./link-targets.ts";
import type { Card } from "../cards/load.ts";
import { checkAttachment } from "../site/attachment-safety.ts";
import { reportCardHtml, type CardHtmlReport } from "../site/card-html.ts";
import { isAllowedResource, type EmbedPolicy, type RemoteResource } from "../site/embed-policy.ts";
import { tooDeepFinding } from "./rules/markdown-too-deep.ts";

export interface CardHtmlRules {
  htmlRemoved: boolean;
  attachments: boolean;
  remote: boolean;
}

/** Each card's HTML report, taken while its tree is at hand (see `prepareCardHtml`); undefined: too deep to render. */
const reports = new WeakMap<Card, CardHtmlReport | undefined>();

/** Reports the card's HTML now, from its tree, for `checkCardHtml` to read later (the tree may be gone by then). */
export function prepareCardHtml(card: Card): void {
  if (reports.has(card)) return;
  try {
    reports.set(card, reportCardHtml(card));
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    reports.set(card, undefined);
  }
}

/** Findings with UTF-16 columns (the caller converts them to code points). */
export function checkCardHtml(card: Card, project: { config: VerityConfig; index: CardIndex }, rules: CardHtmlRules): Finding[] {
  const { config } = project;
  prepareCardHtml(card);
  const analysis = reports.get(card);
  if (!analysis) {
    // Mandatory, as the Markdown's own depth is: with a rule a project may lower, the build went on to render it and overflowed.
    return [{ ...tooDeepFinding(card.file, card.source), message: "The card nests HTML elements, lists or quotes too deeply to be rendered safely (thousands inside each other). Flatten the nesting; the other cards were checked." }];
  }
  const findings: Finding[] = [];
  if (rules.htmlRemoved) {
    for (const removal of analysis.removed) {
      findings.push({ ruleId: "html-removed", severity: "error", file: card.file, line: removal.line, column: removal.column, message: removal.message });
    }
  }
  if (rules.attachments) {
    const seen = new Set<string>();
    for (const reference of analysis.files) {
      const target = linkTargetOf(card, reference.url, project.index);
      if (target.kind !== "asset" || seen.has(`${target.file}:${reference.line}`)) continue;
      seen.add(`${target.file}:${reference.line}`);
      const verdict = checkAttachment(target.file);
      if (verdict.safe) continue;
      findings.push({
        ruleId: "attachment-unsafe",
        severity: "error",
        file: card.file,
        line: reference.line,
        column: reference.column,
        message: verdict.fix
          ? `The linked file ${reference.url} is not published: ${verdict.reason}. ${verdict.fix}`
          : `The linked file ${reference.url} is not published: ${verdict.reason}, and a browser would run it as a page of the site. ` +
            "Remove the script, event handlers and javascript: links from the file (or export the image as PNG), or link a copy without them.",
      });
    }
  }
  if (!rules.remote) return findings;
  const policy = (site: "public" | "internal"): EmbedPolicy => ({ embeds: config.sites[site].embeds, siteUrl: config.sites[site].url });
  for (const resource of analysis.resources) {
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
