import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** The widths every page is checked at: a common phone, and a laptop. */
export const VIEWPORTS = [
  { width: 360, height: 740 },
  { width: 1280, height: 800 },
] as const;

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

export const SCREENSHOT_DIR = join(__dirname, '..', '..', '..', 'docs', 'screenshots');
const updatingScreenshots = () => process.env.UPDATE_SCREENSHOTS === '1';

export interface AccessibilityViolation {
  width: number;
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * The page as it stands, at each width: axe's WCAG 2.1 A/AA rules with a serious or critical impact
 * that it breaks (an empty list when none), and, with UPDATE_SCREENSHOTS=1 and a name, a full-page
 * screenshot docs/screenshots/<name>-<width>.png. The page is left at the last (desktop) width.
 */
export async function checkAtEveryWidth(page: Page, name?: string): Promise<AccessibilityViolation[]> {
  const violations: AccessibilityViolation[] = [];
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
    for (const violation of results.violations) {
      if (!BLOCKING_IMPACTS.has(violation.impact ?? '')) continue;
      violations.push({
        width: viewport.width,
        rule: violation.id,
        impact: violation.impact ?? '',
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.join(' ')),
      });
    }
    if (name && updatingScreenshots()) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${viewport.width}.png`), fullPage: true });
    }
  }
  return violations;
}
