/** @module Turns a file's bytes into text, refusing binary and undecodable files with a reason. */
import type { Origin } from '../model/document.ts';
import { IngestError } from './ingest-error.ts';

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const UTF16LE = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: false });
const UTF16BE = new TextDecoder('utf-16be', { fatal: true, ignoreBOM: false });

/** How many leading bytes are checked for NUL and control bytes: enough to catch images, archives and PDFs. */
const SNIFF_BYTES = 8192;

/**
 * Decodes UTF-8 (with or without BOM) or BOM-marked UTF-16; throws `binary` for bytes that are
 * plainly not text (NUL or many control bytes) and `undecodable` for invalid UTF-8.
 */
export function decodeText(bytes: Uint8Array, origin: Origin): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith(UTF16LE, bytes, origin);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith(UTF16BE, bytes, origin);
  const head = bytes.subarray(0, SNIFF_BYTES);
  let control = 0;
  for (const byte of head) {
    if (byte === 0) throw new IngestError('binary', origin, 'looks like a binary file (it contains NUL bytes), not a text report');
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control++;
  }
  if (head.length > 0 && control / head.length > 0.05) {
    throw new IngestError(
      'binary',
      origin,
      `looks like a binary file (${control} control bytes in the first ${head.length}), not a text report`,
    );
  }
  return decodeWith(UTF8, bytes, origin);
}

function decodeWith(decoder: TextDecoder, bytes: Uint8Array, origin: Origin): string {
  try {
    return decoder.decode(bytes);
  } catch (cause) {
    throw new IngestError('undecodable', origin, `is not valid ${decoder.encoding.toUpperCase()} text; convert it to UTF-8 first`, {
      cause,
    });
  }
}

/** The text a report is stored with: Unicode NFC, line ends as `\n`, no BOM, no surrounding blank space. */
export function normaliseText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .normalize('NFC')
    .trim();
}
