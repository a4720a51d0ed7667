/** Tag page URLs (`/tags/<slug>/`): one slugging for the sites that build them and the links that point at them. */
import GithubSlugger from "github-slugger";

/** Tag name -> site path of its page, for the tags of one site (sorted by name, so duplicate slugs number alike). */
export function tagUrls(names: Iterable<string>): Map<string, string> {
  const slugger = new GithubSlugger();
  const result = new Map<string, string>();
  for (const name of [...new Set(names)].sort((a, b) => a.localeCompare(b))) result.set(name, `/tags/${slugger.slug(name)}/`);
  return result;
}
