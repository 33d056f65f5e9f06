import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { citizenIdCheckCharacter } from '../../modules/shared/index.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Debian's chromium, headless, with nothing that reaches beyond the machine. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 375, height: 812 };

/** Every text body a page received: what the browser was sent is what a visitor could read. */
export interface ReceivedBodies {
  bodies: { url: string; text: string }[];
  /** Waits for the bodies still being read. */
  settled(): Promise<void>;
}

const TEXT_TYPES = /^(text\/|application\/(json|javascript|xml|atom\+xml|xhtml\+xml)|image\/svg)/;

export function watchResponses(page: Page, into: ReceivedBodies['bodies'] = []): ReceivedBodies {
  const pending = new Set<Promise<void>>();
  page.on('response', (response) => {
    const type = response.headers()['content-type'] ?? '';
    if (!TEXT_TYPES.test(type)) return;
    const read = response
      .text()
      .then((text) => void into.push({ url: response.url(), text }))
      .catch(() => undefined) // a redirect or a body the browser dropped: nothing was read
      .finally(() => pending.delete(read));
    pending.add(read);
  });
  return { bodies: into, settled: async () => void (await Promise.all([...pending])) };
}

const BIRTH = /^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/;

/**
 * Citizen ID numbers in clear in a text: 18 characters with a birth date and a valid check character, not part of a
 * longer run of letters and digits (a USCC or a digest is not an ID number).
 */
export function unmaskedCitizenIds(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?<![0-9A-Za-z])\d{6}(\d{8})\d{3}[\dXx](?![0-9A-Za-z])/g)) {
    const id = m[0].toUpperCase();
    if (BIRTH.test(m[1]!) && citizenIdCheckCharacter(id.slice(0, 17)) === id[17]) found.push(id);
  }
  return found;
}

/** The axe-core (WCAG 2 A and AA) violations of the page as it is now that are serious or critical. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Whether the page scrolls sideways: content wider than the viewport. */
export async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}
