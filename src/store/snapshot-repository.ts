/** @module The documents known by a date, with what copying them into another store needs (signatures, band keys). */
import type { Kysely } from 'kysely';
import type { NewDocument } from './documents-repository.ts';
import { toDocument } from './documents-repository.ts';
import { CHUNK, chunks } from './chunks.ts';
import type { Database } from './schema.ts';

/** Which date a document is known from: the day it was published, or the day sitrep stored it. */
export type KnownBy = 'published' | 'ingested';

/** Reading documents as they were known on a day. */
export class SnapshotRepository {
  readonly #db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  /**
   * Documents published (whole interval) or ingested by the end of `day`, in the order they were stored, each with
   * its signature and band keys. An undated document is not known to be published by any day.
   */
  async documentsKnownBy(day: string, by: KnownBy): Promise<NewDocument[]> {
    let select = this.#db.selectFrom('documents').selectAll();
    select = by === 'published' ? select.where('published_end', '<=', day) : select.where('ingested_at', '<=', `${day}T23:59:59.999Z`);
    const rows = await select.orderBy('seq').execute();
    const bands = new Map<string, number[]>();
    for (const part of chunks(
      rows.map((r) => r.id),
      CHUNK.lookup,
    ))
      for (const band of await this.#db.selectFrom('document_bands').selectAll().where('document_id', 'in', part).execute()) {
        const list = bands.get(band.document_id) ?? [];
        list.push(Number(band.band_key));
        bands.set(band.document_id, list);
      }
    return rows.map((row) => {
      const signature = row.signature
        ? new Uint32Array(row.signature.buffer.slice(row.signature.byteOffset, row.signature.byteOffset + row.signature.byteLength))
        : null;
      return { document: toDocument(row), bands: bands.get(row.id) ?? [], ...(signature ? { signature } : {}) };
    });
  }

  /** A token that changes whenever documents are added: the newest sequence number and the count. */
  async version(): Promise<string> {
    const row = await this.#db
      .selectFrom('documents')
      .select((eb) => [eb.fn.max('seq').as('last'), eb.fn.countAll().as('count')])
      .executeTakeFirst();
    return `${row?.last ?? 0}:${row?.count ?? 0}`;
  }
}
