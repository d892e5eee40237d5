// What the screens walk (e2e/screens.spec.ts) asks of every page: no sideways scrolling at a
// phone's width, and no serious or critical accessibility violation (axe).
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * The elements that stick out past the right edge of the viewport: the outermost ones and the
 * innermost ones (tag, classes, text), so a failure points at what to fix. Elements inside a box
 * that scrolls or clips sideways (a table's own scroll box) do not count: they never widen the page.
 */
export async function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    const describe = (el: Element) => {
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 50);
      const classes = typeof el.className === 'string' ? el.className.slice(0, 100) : '';
      return `<${el.tagName.toLowerCase()} class="${classes}"> to ${Math.round(el.getBoundingClientRect().right)} px: "${text}"`;
    };
    const sticksOut = (el: Element) => {
      const style = getComputedStyle(el);
      const rect = el.getBoundingClientRect();
      return style.display !== 'none' && style.position !== 'fixed' && rect.width > 0 && rect.right > limit + 1;
    };
    const clipsSideways = (el: Element) => ['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(el).overflowX);
    const outermost: Element[] = [];
    const innermost: Element[] = [];
    const walk = (el: Element, inside: boolean) => {
      const out = sticksOut(el);
      if (out && !inside) outermost.push(el);
      let childOut = false;
      if (!clipsSideways(el) || el === document.body) {
        for (const child of el.children) if (walk(child, inside || out)) childOut = true;
      }
      if (out && !childOut) innermost.push(el);
      return out;
    };
    walk(document.body, false);
    // Absolutely positioned descendants escape a scroll box that is not their containing block.
    if (outermost.length === 0) {
      for (const el of document.body.querySelectorAll('*')) if (getComputedStyle(el).position === 'absolute' && sticksOut(el)) innermost.push(el);
    }
    return [...outermost.slice(0, 3).map((el) => `outermost ${describe(el)}`), ...innermost.slice(0, 5).map((el) => `innermost ${describe(el)}`)];
  });
}

/** How far the page scrolls sideways: 0 when it fits. */
export async function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** axe's serious and critical findings on the page as it is now, one line each. */
export async function seriousAccessibilityViolations(page: Page): Promise<string[]> {
  // Legacy mode runs axe in the page itself; the default opens an extra blank page per call to
  // merge frame results, which our pages (no iframes) do not need and which doubles the time.
  const results = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.slice(0, 5).map((node) => `${v.id} (${v.impact}): ${v.help} — ${node.target.join(' ')}: ${node.failureSummary?.split('\n')[1]?.trim() ?? ''}`));
}
