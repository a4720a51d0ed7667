/**
 * The knowledge-health page of the internal wiki: trust score overall and per collection, and the
 * expiring and expired cards grouped by owner. Computed by the same core functions as `verity status`.
 */
import type { Card } from "../core/load-cards.ts";
import type { Project } from "../core/project.ts";
import { buildStatusReport, type StatusRow } from "../core/status.ts";
import { computeTrustScore, type TrustScore } from "../core/verification.ts";

export interface HealthView {
  trust: TrustScore;
  minTrustScore: number;
  collections: { name: string; title: string; trust: TrustScore }[];
  /** Owners with expired or expiring cards, most urgent owner first. */
  owners: { owner: string; cards: HealthCard[] }[];
}

export interface HealthCard {
  id: string;
  title: string;
  url: string;
  status: "expired" | "expiring";
  daysLeft: number;
  verifyBy: string;
}

export function buildHealthView(project: Project, siteCards: readonly Card[]): HealthView {
  const report = buildStatusReport(project);
  const onSite = new Map(siteCards.map((card) => [card.id, card]));
  const owners = new Map<string, HealthCard[]>();
  for (const row of report.rows) {
    if (row.status === "verified" || row.draft) continue;
    const card = onSite.get(row.id);
    if (!card) continue;
    const list = owners.get(row.owner) ?? [];
    list.push(toHealthCard(row, card));
    owners.set(row.owner, list);
  }
  const collections = project.collections
    .map((collection) => ({
      name: collection.name,
      title: collection.title,
      trust: computeTrustScore(
        project.cards.filter((card) => card.collection === collection.name),
        project.policy,
      ),
    }))
    .filter((entry) => entry.trust.counted > 0);
  return {
    trust: report.trust,
    minTrustScore: report.minTrustScore,
    collections,
    owners: [...owners.entries()].map(([owner, cards]) => ({ owner, cards })),
  };
}

function toHealthCard(row: StatusRow, card: Card): HealthCard {
  return { id: row.id, title: row.title, url: card.url, status: row.status as "expired" | "expiring", daysLeft: row.daysLeft, verifyBy: row.verifyBy };
}
