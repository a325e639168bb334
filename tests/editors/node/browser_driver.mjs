// A real browser for the VS Code tests: Debian's chromium driven by playwright-core, one page,
// told what to do by the Python test one JSON line at a time on stdin, answering one JSON line
// ({ok, result} or {ok: false, error}) on stdout.
//   node browser_driver.mjs <playwright-core dir> <chromium> <url>
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';

const [playwrightDir, chromium, url] = process.argv.slice(2);
const { chromium: launcher } = createRequire(import.meta.url)(playwrightDir);

const browser = await launcher.launch({
    executablePath: chromium,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const page = await browser.newPage({ viewport: { width: 1100, height: 700 } });
await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });

// Every operation is small; the waiting and the judging happen in Python.
const ops = {
    press: ({ key }) => page.keyboard.press(key),
    type: ({ text, delay = 40 }) => page.keyboard.type(text, { delay }),
    click: ({ selector, timeout = 30_000 }) => page.locator(selector).first().click({ timeout }),
    fill: ({ selector, text, timeout = 30_000 }) => page.locator(selector).first().fill(text, { timeout }),
    texts: ({ selector }) => page.locator(selector).allInnerTexts(),
    attrs: ({ selector, name }) => page.locator(selector).evaluateAll(
        (nodes, attr) => nodes.map(node => node.getAttribute(attr)), name),
    count: ({ selector }) => page.locator(selector).count(),
    screenshot: ({ path }) => page.screenshot({ path }).then(() => path),
    eval: ({ js }) => page.evaluate(js),
};

const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
    let reply;
    try {
        const { op, ...args } = JSON.parse(line);
        reply = { ok: true, result: await ops[op](args) ?? null };
    } catch (error) {
        reply = { ok: false, error: String(error?.message ?? error) };
    }
    process.stdout.write(JSON.stringify(reply) + '\n');
}
await browser.close();
