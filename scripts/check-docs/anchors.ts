/** A link to a section of the root README that has no such heading. */
export interface BrokenAnchor {
  readonly file: string;
  readonly line: number;
  readonly anchor: string;
}

/** The ids GitHub (and npm) give the headings of a Markdown file: `## Running: \`run\`` → `running-run`. */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fence: string | undefined;
  for (const line of markdown.split(/\r?\n/)) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (!fence || (marker[0] === fence[0] && marker.length >= fence.length))) {
      fence = fence ? undefined : marker;
      continue;
    }
    const heading = fence ? undefined : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const slug = heading.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/**
 * Links to sections of the root README whose heading does not exist (any more): `](#x)` in the
 * root README, and `](<repositoryUrl>#x)` in any file (the package READMEs, read on npm).
 */
export function brokenAnchors(rootReadme: string, files: ReadonlyMap<string, string>, repositoryUrl: string): BrokenAnchor[] {
  const anchors = headingAnchors(rootReadme);
  anchors.add('readme');
  const broken: BrokenAnchor[] = [];
  const escaped = repositoryUrl.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  for (const [file, text] of files) {
    const link = new RegExp(`\\]\\(${file === 'README.md' ? `(?:${escaped})?` : escaped}#([^)\\s]+)\\)`, 'g');
    text.split(/\r?\n/).forEach((line, index) => {
      for (const match of line.matchAll(link)) {
        if (!anchors.has(match[1]!)) broken.push({ file, line: index + 1, anchor: match[1]! });
      }
    });
  }
  return broken;
}
