import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { demoCompanies } from '../../cli/demo.data.ts';
import {
  DESKTOP,
  launchBrowser,
  PHONE,
  scrollsSideways,
  seriousViolations,
  unmaskedCitizenIds,
  watchResponses,
  type ReceivedBodies,
} from './browser.ts';
import { PORTAL_PAGES } from './portal-pages.ts';
import { startPortalServer, type PortalServer } from './portal-server.ts';

// The portal as a visitor meets it: a server process on the demo data, Debian's chromium, every body the browser
// received kept to be scanned for ID numbers at the end.
describe('the public portal in a browser', { timeout: 600_000 }, () => {
  let server: PortalServer;
  let browser: Browser;
  const received: ReceivedBodies['bodies'] = [];
  const watchers: ReceivedBodies[] = [];
  const xinyuan = demoCompanies[0];

  before(async () => {
    server = await startPortalServer();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport, locale: 'zh-CN' });
    const page = await context.newPage();
    watchers.push(watchResponses(page, received));
    return { context, page };
  }

  test('a citizen finds a black-listed company by a 3-character fragment of its name and sees its entry and repair notice', async () => {
    const { context, page } = await open();
    await page.goto(`${server.base}/`);
    await page.getByLabel('主体名称或统一社会信用代码').fill('鑫源建');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('link', { name: xinyuan.name }).click();
    await page.waitForURL(`**/subjects/${xinyuan.uscc}`);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), xinyuan.name);
    const black = page.locator('section', { has: page.getByRole('heading', { name: /黑名单/ }) });
    const entry = await black.innerText();
    assert.match(entry, /决定书文号\s+示amr认〔2026〕1号/);
    assert.match(entry, /据以认定的生效文书\s+示amr罚〔2026〕1号/);
    assert.match(entry, /作出决定的部门\s+示例区市场监督管理局/);
    assert.match(entry, /有效期\s+2026-07-15 至 2029-07-15/);
    const notice = black.getByRole('link', { name: '信用修复告知书' }).first();
    const href = await notice.getAttribute('href');
    const res = await page.request.get(server.base + href!);
    assert.equal(res.status(), 200);
    assert.match(await res.text(), /信用修复告知书/);
    await context.close();
  });

  test('a malformed code is explained, what is wrong with it named, instead of "not found"', async () => {
    const { context, page } = await open();
    await page.goto(`${server.base}/search`);
    await page.getByLabel('主体名称或统一社会信用代码').fill(`${xinyuan.uscc.slice(0, 17)}0`);
    await page.getByRole('button', { name: '查询' }).click();
    const alert = await page.getByRole('alert').innerText();
    assert.match(alert, /统一社会信用代码有误/);
    assert.match(alert, /校验/);
    assert.doesNotMatch(alert, /没有找到/);
    await context.close();
  });

  test('an ID number typed into the search is refused and not shown back', async () => {
    const { context, page } = await open();
    await page.goto(`${server.base}/search`);
    await page.getByLabel('主体名称或统一社会信用代码').fill('37012519800101001X');
    await page.getByRole('button', { name: '查询' }).click();
    assert.match(await page.getByRole('alert').innerText(), /不支持按公民身份号码查询/);
    assert.equal(await page.getByLabel('主体名称或统一社会信用代码').inputValue(), '');
    assert.doesNotMatch(await page.content(), /37012519800101001X/);
    await context.close();
  });

  test('an objection filed online with an attachment is tracked by number and secret, decided by the department, and the tracking page shows the result', async () => {
    const { context, page } = await open();
    await page.goto(`${server.base}/services/objection`);
    await page.getByLabel('名称', { exact: true }).fill(xinyuan.name);
    await page.getByLabel('统一社会信用代码', { exact: true }).fill(xinyuan.uscc);
    await page.getByLabel('联系方式', { exact: true }).fill('0531-88880000');
    await page.getByLabel('决定书文号', { exact: true }).fill('示amr认〔2026〕1号');
    await page.getByLabel('异议的事实和理由').fill('处罚决定已被复议机关变更，认定依据不再成立。');
    await page.getByLabel('证明材料').setInputFiles({
      name: '复议决定书.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
    });
    await page.getByRole('button', { name: '提交异议' }).click();
    const number = (await page.getByTestId('receipt-application-no').innerText()).trim();
    const secret = (await page.getByTestId('receipt-tracking-secret').innerText()).trim();
    assert.match(number, /^YY/);
    assert.ok(secret.length >= 8);

    const token = await server.login('amr_reviewer');
    const auth = { authorization: `Bearer ${token}` };
    const list = (await (await fetch(`${server.base}/api/v1/objections?limit=200`, { headers: auth })).json()) as {
      items: { id: string; applicationNo: string; attachments: unknown[] }[];
    };
    const filed = list.items.find((o) => o.applicationNo === number);
    assert.ok(filed, 'the deciding department sees the objection');
    assert.equal(filed.attachments.length, 1, 'with its attachment');
    const decided = await fetch(`${server.base}/api/v1/objections/${filed.id}/decision`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ outcome: 'rejected', reason: '复议决定维持原处罚决定，认定依据仍然成立。' }),
    });
    assert.equal(decided.status, 200, await decided.text());

    await page.goto(`${server.base}/services/tracking`);
    await page.getByLabel('申请编号').fill(number);
    await page.getByLabel('查询密码').fill(secret);
    await page.getByRole('button', { name: '查询' }).click();
    const result = await page.getByTestId('tracking-result').innerText();
    assert.match(result, /不成立/);
    assert.match(result, /复议决定维持原处罚决定/);
    await context.close();
  });

  test('the objection form can be filed by keyboard alone, the focus always visible', async () => {
    const { context, page } = await open();
    await page.goto(`${server.base}/services/objection`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const typed: [label: string, text: string][] = [
      ['名称', xinyuan.name],
      ['统一社会信用代码', xinyuan.uscc],
      ['联系方式', '13800000000'],
      ['决定书文号', '示amr认〔2026〕1号'],
      ['异议的事实和理由', '键盘填写：认定所依据的事实有误。'],
    ];
    for (const [label, text] of typed) {
      await tabTo(page, (l) => l === label);
      await page.keyboard.type(text);
    }
    await tabTo(page, (_l, text) => text === '提交异议');
    await page.keyboard.press('Enter');
    assert.match(await page.getByTestId('receipt-application-no').innerText(), /^YY/);
    await context.close();
  });

  test('every page reads on a 375 px phone and reflows at 320 px without scrolling sideways', async () => {
    for (const width of [PHONE.width, 320]) {
      const { context, page } = await open({ width, height: 800 });
      for (const [name, url] of PORTAL_PAGES) {
        await page.goto(server.base + url, { waitUntil: 'networkidle' });
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        assert.equal(await scrollsSideways(page), false, `${name} scrolls sideways at ${width} px`);
      }
      await context.close();
    }
  });

  test('every page passes axe-core (WCAG 2 A and AA) without a serious or critical violation, in Chinese', async () => {
    const { context, page } = await open();
    for (const [name, url] of PORTAL_PAGES) {
      await page.goto(server.base + url, { waitUntil: 'networkidle' });
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN', name);
      assert.deepEqual(await seriousViolations(page), [], name);
    }
    await context.close();
  });

  test('no response the browser received in these tests holds an unmasked citizen ID number', async () => {
    // The pages that show persons, visited once more so the scan sees them whatever ran before.
    const { context, page } = await open();
    for (const url of [
      '/lists/black',
      '/exposure',
      '/api/v1/public/lists/black/csv',
      '/api/v1/public/lists/black/atom',
    ])
      await page.goto(server.base + url).catch(() => undefined); // a download ends the navigation; its body is read
    await context.close();
    await Promise.all(watchers.map((w) => w.settled()));
    assert.ok(received.length > 50, `${received.length} bodies scanned`);
    assert.ok(
      received.some((b) => /\*{4,}/.test(b.text)),
      'masked numbers were among what the browser received',
    );
    const found = received.flatMap((b) => unmaskedCitizenIds(b.text).map((id) => `${b.url}: ${id.slice(0, 6)}…`));
    assert.deepEqual(found, []);
  });
});

/**
 * Presses Tab until the focused element is the one wanted (by its label or its own text), checking at every stop
 * that the focus can be seen: an outline or a focus ring (box shadow).
 */
async function tabTo(page: Page, wanted: (label: string, text: string) => boolean): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const label = el.id ? (document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent ?? '') : '';
      return {
        label: label.replace(/[*：:\s]/g, ''),
        text: (el.textContent ?? '').replace(/\s/g, ''),
        // A focus ring on the element, or on the control drawn around it (the file picker's own button). No named
        // function in here: the test runner's transform would name it with a helper the page does not have.
        visible: [el, el.parentElement].some((e) => {
          if (!e) return false;
          const style = getComputedStyle(e);
          return (
            (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) ||
            (style.boxShadow !== 'none' && style.boxShadow !== '')
          );
        }),
      };
    });
    if (focused === null) continue;
    assert.ok(focused.visible, `the focus on "${focused.label || focused.text}" is visible`);
    if (wanted(focused.label, focused.text)) return;
  }
  assert.fail('the element was not reached with the Tab key');
}
