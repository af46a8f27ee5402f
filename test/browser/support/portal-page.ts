import type { Page } from 'playwright-core';

/** The customer portal's texts that the suites look for (PLAN of issue 26: binding). */
export const PORTAL_TEXT = {
  codeLabel: 'Código de verificación',
  lookUp: 'Consultar',
  wrongCode: 'El número de radicado o el código de verificación no coinciden.',
  throttled: 'Demasiados intentos. Espere un minuto e intente de nuevo.',
} as const;

/** What every page must have: the language, one h1, the landmarks. */
export async function pageBasics(page: Page): Promise<{ lang: string | null; h1: number; header: number; main: number; footer: number }> {
  return {
    lang: await page.getAttribute('html', 'lang'),
    h1: await page.locator('h1').count(),
    header: await page.locator('header, [role="banner"]').count(),
    main: await page.locator('main, [role="main"]').count(),
    footer: await page.locator('footer, [role="contentinfo"]').count(),
  };
}

export const EXPECTED_BASICS = { lang: 'es-CO', h1: 1, header: 1, main: 1, footer: 1 };

/** Types the verification code in the form a page shows when it does not know it yet, and sends it. */
export async function enterCode(page: Page, code: string): Promise<void> {
  await page.getByLabel(PORTAL_TEXT.codeLabel).fill(code);
  await page.getByRole('button', { name: PORTAL_TEXT.lookUp }).click();
}

/** The text of the page's alert, once one shows. */
export async function alertText(page: Page): Promise<string> {
  const alert = page.getByRole('alert').filter({ hasText: /\S/ }).first();
  await alert.waitFor();
  return (await alert.innerText()).trim();
}

/** Waits for the page's h1 to read exactly `name` (a page may show another h1 while it loads or asks for the code). */
export async function waitForHeading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

/**
 * Tabs from the top of the page to the element whose text is `name`, and returns its focus ring as
 * the browser draws it (outline style and width; a box shadow also counts).
 */
export async function focusRingByKeyboard(page: Page, name: string, maxTabs = 20): Promise<{ reached: boolean; outline: string; boxShadow: string }> {
  for (let tab = 0; tab < maxTabs; tab++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element) return null;
      const style = getComputedStyle(element);
      return { text: element.innerText?.trim() ?? '', outline: `${style.outlineStyle} ${style.outlineWidth}`, boxShadow: style.boxShadow };
    });
    if (focused?.text === name) return { reached: true, outline: focused.outline, boxShadow: focused.boxShadow };
  }
  return { reached: false, outline: '', boxShadow: '' };
}
