import type { Page } from 'playwright-core';

/** Scrollers allowed to scroll sideways on purpose (none today); a selector each. */
export const ALLOWED_SIDEWAYS_SCROLLERS: readonly string[] = [];

/**
 * Runs in the page: what scrolls or sticks out sideways. Kept as source text (not a function) so no bundler
 * helper leaks into the page. Reports: the page itself scrolling sideways; any visible element whose box crosses
 * the viewport's left or right edge (clipped or not: clipped content is lost content); any element that scrolls
 * or clips its content sideways (tables in a scrolling wrapper, hidden tables wider than their box). Text cut
 * with an ellipsis on purpose, form controls and visually hidden content (screen-reader text) are not reported.
 * Every details element in the page's main area is opened first: what one click reveals must fit as well.
 */
const SCRIPT = `((allowed) => {
  // What a click on "Show as table", "Source" or "Weights" reveals must fit too.
  for (const d of document.querySelectorAll('main details')) d.open = true;
  const root = document.documentElement;
  const vw = root.clientWidth;
  const problems = [];
  const name = (el) => {
    const id = el.id ? '#' + el.id : '';
    const cls = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/).slice(0, 3).join('.') : '';
    const text = (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
    return el.tagName.toLowerCase() + id + cls + (text ? ' "' + text + '"' : '');
  };
  // Screen-reader-only content: inside an element clipped to a 1-px box (.visually-hidden, or a phone-only rule).
  const screenReaderOnly = (el) => {
    for (let a = el; a && a !== document.body; a = a.parentElement) {
      if (a.classList.contains('visually-hidden')) return true;
      const s = getComputedStyle(a);
      if (s.overflow !== 'visible' && a.getBoundingClientRect().width <= 1) return true;
    }
    return false;
  };
  const allowedScroller = (el) => allowed.some((s) => el.closest(s));
  if (root.scrollWidth > vw) problems.push('the page scrolls sideways: ' + root.scrollWidth + ' px wide in a ' + vw + ' px viewport');
  for (const el of document.body.querySelectorAll('*')) {
    if (screenReaderOnly(el)) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'contents') continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if ((r.right > vw + 1 || r.left < -1) && !allowedScroller(el)) {
      problems.push(name(el) + ' sticks out of the viewport: ' + Math.round(r.left) + ' to ' + Math.round(r.right) + ' px of ' + vw);
    }
    const formControl = /^(INPUT|TEXTAREA|SELECT|OPTION)$/.test(el.tagName);
    const cutOnPurpose = style.textOverflow === 'ellipsis';
    if (!formControl && !cutOnPurpose && style.overflowX !== 'visible' && el.scrollWidth > el.clientWidth + 1 && !allowedScroller(el)) {
      problems.push(name(el) + (style.overflowX === 'hidden' || style.overflowX === 'clip' ? ' cuts off ' : ' scrolls sideways over ') + (el.scrollWidth - el.clientWidth) + ' px of its content');
    }
  }
  return problems;
})`;

/** The layout problems of the page as it is now; an empty list when nothing scrolls or sticks out sideways. */
export async function sidewaysProblems(page: Page): Promise<string[]> {
  const problems = (await page.evaluate(`${SCRIPT}(${JSON.stringify(ALLOWED_SIDEWAYS_SCROLLERS)})`)) as string[];
  // An element sticking out usually drags its ancestors with it: report the innermost few.
  return [...new Set(problems)].slice(0, 12);
}

/**
 * Runs in the page: on a touch screen, controls a finger cannot hit (under 24 px, WCAG 2.2 target size) and hints
 * that name keyboard keys. Inline links inside a sentence are exempt, as WCAG exempts them.
 */
const TOUCH_SCRIPT = `(() => {
  const problems = [];
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && !el.closest('.visually-hidden');
  };
  const name = (el) => el.tagName.toLowerCase() + ' "' + (el.getAttribute('aria-label') || el.textContent || el.getAttribute('name') || '').trim().replace(/\\s+/g, ' ').slice(0, 40) + '"';
  for (const el of document.querySelectorAll('button, a.button, input:not([type=hidden]), select, textarea, summary, [role=button], .nav-link')) {
    if (!visible(el)) continue;
    // WCAG exempts a target inside a sentence (a link, or a button styled as one).
    if (getComputedStyle(el).display === 'inline' || el.classList.contains('link-button')) continue;
    const r = el.getBoundingClientRect();
    if (r.height < 24 || r.width < 24) problems.push(name(el) + ' is ' + Math.round(r.width) + ' x ' + Math.round(r.height) + ' px, too small to tap');
  }
  for (const el of document.querySelectorAll('kbd, .hint-keyboard')) {
    if (visible(el)) problems.push(name(el) + ' names a key on a touch screen');
  }
  return [...new Set(problems)].slice(0, 12);
})()`;

/** Touch-screen problems of the page as it is now: targets too small to tap, keyboard hints. */
export async function touchProblems(page: Page): Promise<string[]> {
  return (await page.evaluate(TOUCH_SCRIPT)) as string[];
}
