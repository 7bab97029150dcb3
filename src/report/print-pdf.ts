/**
 * @module The situation report as a PDF: its HTML page printed by Chromium through playwright-core, the same browser
 * the tests drive. Neither is needed for anything else, so both are looked for only here, and a missing one is an
 * error that says how to install it.
 */
import { existsSync } from 'node:fs';

/** Paper sizes the report is laid out for. */
export type PaperSize = 'A4' | 'Letter';

export interface PrintPdfOptions {
  /** The Chromium (or Chrome) to print with; default `SITREP_CHROMIUM`, else `/usr/bin/chromium`. */
  readonly chromium?: string;
  readonly paper?: PaperSize;
}

/** Chromium or playwright-core is missing: the message says how to install it. */
export class PdfUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PdfUnavailableError';
  }
}

/** Where Chromium is looked for when no path is given. */
export function defaultChromium(): string {
  return process.env.SITREP_CHROMIUM ?? '/usr/bin/chromium';
}

/** Prints `html` (a self-contained page, no scripts) to PDF bytes. */
export async function printPdf(html: string, options: PrintPdfOptions = {}): Promise<Uint8Array> {
  const executablePath = options.chromium ?? defaultChromium();
  if (!existsSync(executablePath))
    throw new PdfUnavailableError(
      `PDF output prints the report with Chromium, and there is none at ${executablePath}. Install it (Debian/Ubuntu: apt-get install -y chromium), ` +
        'or set SITREP_CHROMIUM to a Chromium or Chrome binary; or write --format html and print that page from any browser.',
    );
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch (cause) {
    throw new PdfUnavailableError(
      'PDF output drives Chromium through the playwright-core package, which is not installed here: npm install playwright-core ' +
        '(it downloads no browser); or write --format html and print that page from any browser.',
      { cause },
    );
  }
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
    timeout: 60_000,
  });
  try {
    const page = await browser.newPage();
    // The page loads nothing (its policy allows no fetch); refusing every request besides makes sure of it.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: options.paper ?? 'A4', printBackground: true, preferCSSPageSize: false });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
}
