import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import MarkdownIt from 'markdown-it';
import GithubSlugger from 'github-slugger';

/** One link or image source written in a markdown file, with the line it is on. */
export interface MarkdownLink {
  file: string;
  line: number;
  href: string;
}

export interface BrokenLink extends MarkdownLink {
  reason: string;
}

export interface LinkReport {
  broken: BrokenLink[];
  /** http(s) and mailto links: listed, never fetched (CI has no network). */
  external: MarkdownLink[];
}

type Token = ReturnType<MarkdownIt['parse']>[number];

const markdown = new MarkdownIt({ html: true });
const EXTERNAL = /^(https?:|mailto:)/i;
/** GitHub's line anchors on a source file: #L12 or #L12-L20. */
const LINE_ANCHOR = /^L\d+(-L\d+)?$/;

/** README.md and every *.md under docs/, the repository's own documentation. */
export function repositoryDocs(root: string): string[] {
  const docs = readdirSync(join(root, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(root, 'docs', name));
  return [join(root, 'README.md'), ...docs].sort();
}

/** Every relative link must name a file of the repository and every #anchor a heading of its markdown target. */
export function checkLinks(files: string[], root: string): LinkReport {
  const report: LinkReport = { broken: [], external: [] };
  const anchorsOf = memoize((file: string) => headingAnchors(readFileSync(file, 'utf8')));
  for (const file of files) {
    for (const link of linksIn(readFileSync(file, 'utf8'), relative(root, file))) {
      if (EXTERNAL.test(link.href)) report.external.push(link);
      else {
        const reason = whyBroken(link.href, file, root, anchorsOf);
        if (reason) report.broken.push({ ...link, reason });
      }
    }
  }
  return report;
}

function whyBroken(href: string, file: string, root: string, anchorsOf: (file: string) => Set<string>): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return `unsupported scheme in ${href}`;
  const [pathPart, anchor] = splitAnchor(href);
  const path = decodeURIComponent(pathPart.split('?')[0]);
  const target = path === '' ? file : path.startsWith('/') ? join(root, path) : resolve(dirname(file), path);
  if (!existsSync(target)) return `no file ${relative(root, target)}`;
  if (anchor === null) return null;
  if (statSync(target).isDirectory()) return `an anchor on a directory (${relative(root, target)})`;
  if (!target.endsWith('.md')) return LINE_ANCHOR.test(anchor) ? null : `#${anchor} is not a line anchor of ${relative(root, target)}`;
  return anchorsOf(target).has(decodeURIComponent(anchor)) ? null : `no heading #${anchor} in ${relative(root, target)}`;
}

function splitAnchor(href: string): [string, string | null] {
  const hash = href.indexOf('#');
  return hash < 0 ? [href, null] : [href.slice(0, hash), href.slice(hash + 1)];
}

/** The links and image sources of a markdown text (code spans and code blocks hold none). */
export function linksIn(text: string, file: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  for (const block of markdown.parse(text, {})) {
    let line = (block.map?.[0] ?? 0) + 1;
    for (const token of block.children ?? []) {
      if (token.type === 'softbreak' || token.type === 'hardbreak') line += 1;
      const href = token.type === 'link_open' ? token.attrGet('href') : token.type === 'image' ? token.attrGet('src') : null;
      if (href !== null) links.push({ file, line, href });
    }
  }
  return links;
}

/** The anchors GitHub gives a markdown file's headings (github-slugger: lower case, punctuation dropped, -1, -2 for repeats). */
export function headingAnchors(text: string): Set<string> {
  const slugger = new GithubSlugger();
  const tokens = markdown.parse(text, {});
  const anchors = new Set<string>();
  tokens.forEach((token, index) => {
    if (token.type === 'heading_open') anchors.add(slugger.slug(plainText(tokens[index + 1].children ?? [])));
  });
  return anchors;
}

function plainText(inline: Token[]): string {
  return inline
    .filter((token) => token.type === 'text' || token.type === 'code_inline')
    .map((token) => token.content)
    .join('');
}

function memoize<T>(compute: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, compute(key));
    return cache.get(key)!;
  };
}
