import type { Page } from 'playwright-core';

/**
 * Text a page cuts or pushes out of its box, as the reader would see it: an element that hides
 * or clips what overflows it (or ends it with an ellipsis) while its content is wider or taller
 * than it; a box inside a card that reaches past the card's edge; a table wider than the card it
 * scrolls in; the page itself wider than the window. Each finding names the element and its text.
 * Form fields are left out: their text scrolls inside them by design.
 */
export function findOverflow(page: Page): Promise<string[]> {
  return page.evaluate(FIND_OVERFLOW) as Promise<string[]>;
}

/** Plain JavaScript run in the page as written, so no transform of the test's code reaches the browser. */
const FIND_OVERFLOW = String.raw`(() => {
  const found = [];
  const SLACK = 1;
  const FIELDS = new Set(['INPUT', 'TEXTAREA', 'SELECT', 'OPTION']);
  const describe = (el, what) => {
    const cls = typeof el.className === 'string' && el.className.trim()
      ? '.' + el.className.trim().split(/\s+/).join('.')
      : '';
    const text = (el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 60);
    return what + ': <' + el.tagName.toLowerCase() + cls + '> "' + text + '"';
  };
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width <= SLACK || r.height <= SLACK) return false;
    const cs = getComputedStyle(el);
    return cs.visibility !== 'hidden' && cs.display !== 'none';
  };
  const root = document.querySelector('#root') || document.body;
  for (const el of root.querySelectorAll('*')) {
    if (FIELDS.has(el.tagName) || el instanceof SVGElement || !shown(el)) continue;
    const cs = getComputedStyle(el);
    const clipsX = cs.overflowX === 'hidden' || cs.overflowX === 'clip' || cs.textOverflow === 'ellipsis';
    const clipsY = cs.overflowY === 'hidden' || cs.overflowY === 'clip';
    if (clipsX && el.scrollWidth > el.clientWidth + SLACK) found.push(describe(el, 'text cut'));
    else if (clipsY && el.scrollHeight > el.clientHeight + SLACK) found.push(describe(el, 'text cut'));
  }
  for (const card of root.querySelectorAll('.card')) {
    if (!shown(card)) continue;
    const box = card.getBoundingClientRect();
    for (const scroller of card.querySelectorAll('.table-scroll')) {
      // A table that holds its first column in place (the ranking) scrolls sideways by design.
      if (scroller.querySelector('.sticky-col')) continue;
      if (scroller.scrollWidth > scroller.clientWidth + SLACK)
        found.push(describe(scroller.querySelector('thead') || scroller, 'table wider than its card by ' + (scroller.scrollWidth - scroller.clientWidth) + ' px'));
    }
    const outside = [];
    for (const el of card.querySelectorAll('*')) {
      if (el.closest('.table-scroll') || el instanceof SVGElement || !shown(el)) continue;
      // The outermost box out of the card is the finding; what it holds goes with it.
      if (outside.some((o) => o.contains(el))) continue;
      const r = el.getBoundingClientRect();
      const out = Math.max(r.right - box.right, box.left - r.left);
      if (out > SLACK) {
        outside.push(el);
        found.push(describe(el, 'out of its card by ' + Math.round(out) + ' px'));
      }
    }
  }
  const page = document.documentElement;
  if (page.scrollWidth > page.clientWidth + SLACK)
    found.push('page wider than the window by ' + (page.scrollWidth - page.clientWidth) + ' px');
  return found;
})()`;
