import { join } from 'node:path';
import { checkLinks, headingAnchors, repositoryDocs } from './support/markdown-links';

const root = join(__dirname, '..');

describe('links in README and docs/', () => {
  const report = checkLinks(repositoryDocs(root), root);

  it('reads README.md and every markdown file under docs/, ADRs included', () => {
    const files = repositoryDocs(root).map((file) => file.slice(root.length + 1));
    expect(files).toEqual(expect.arrayContaining(['README.md', 'docs/domain.md', 'docs/http-api.md', 'docs/design.md', 'docs/adr/0001-storage-behind-ports.md']));
  });

  it('has no relative link to a missing file and no #anchor to a missing heading', () => {
    expect(report.broken).toEqual([]);
  });

  it('points nowhere outside the repository but to web addresses (listed, not fetched: CI has no network)', () => {
    const notWeb = report.external.filter((link) => !/^https:\/\/[^/]+\.[^/]+/.test(link.href) && !link.href.startsWith('mailto:'));
    expect(notWeb).toEqual([]);
  });
});

describe('the link checker, on a page with broken links (test/fixtures/docs-links)', () => {
  const fixtures = join(__dirname, 'fixtures', 'docs-links');
  const report = checkLinks([join(fixtures, 'broken.md'), join(fixtures, 'other.md')], root);

  it('reports each missing file, missing heading and wrong line anchor, with its file and line', () => {
    expect(report.broken).toEqual([
      { file: 'test/fixtures/docs-links/broken.md', line: 11, href: 'missing.md', reason: 'no file test/fixtures/docs-links/missing.md' },
      { file: 'test/fixtures/docs-links/broken.md', line: 11, href: 'other.md#no-such-heading', reason: 'no heading #no-such-heading in test/fixtures/docs-links/other.md' },
      { file: 'test/fixtures/docs-links/broken.md', line: 12, href: '#setup', reason: 'no heading #setup in test/fixtures/docs-links/broken.md' },
      { file: 'test/fixtures/docs-links/broken.md', line: 12, href: '../../support/markdown-links.ts#top', reason: '#top is not a line anchor of test/support/markdown-links.ts' },
    ]);
  });

  it('lists the external links without fetching them', () => {
    expect(report.external.map((link) => link.href)).toEqual(['https://example.com/page', 'mailto:someone@example.com']);
  });

  it('names headings as GitHub does: lower case, punctuation dropped, spaces to dashes, repeats numbered', () => {
    expect([...headingAnchors('# Setup & running `npm start`\n## Setup & running `npm start`\n## ADR 21: Ü, ñ!\n')]).toEqual([
      'setup--running-npm-start',
      'setup--running-npm-start-1',
      'adr-21-ü-ñ',
    ]);
  });
});
