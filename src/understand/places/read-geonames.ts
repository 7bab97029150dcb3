/** @module Reads GeoNames' tab-separated place dumps (cities500.txt and the like) one row at a time. */

/** The columns of one GeoNames row that the gazetteer uses. */
export interface GeonamesRow {
  readonly geonameId: number;
  /** The name in its usual local spelling, with diacritics. */
  readonly name: string;
  readonly asciiName: string;
  /** Other names, in every script; comma-separated in the file. */
  readonly alternateNames: readonly string[];
  readonly lat: number;
  readonly lon: number;
  /** GeoNames feature code: PPLC (capital), PPLA (seat of a first-level region), PPL, ... */
  readonly featureCode: string;
  /** ISO alpha-2 country code. */
  readonly country: string;
  /** GeoNames first-level region code (for the US, the postal code). */
  readonly admin1: string;
  readonly population: number;
}

/** Calls `visit` for each well-formed row of a GeoNames dump; malformed rows are skipped. Returns the number of rows read. */
export function readGeonames(text: string, visit: (row: GeonamesRow) => void): number {
  let count = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    const c = line.split('\t');
    if (c.length < 15) continue;
    const lat = Number(c[4]);
    const lon = Number(c[5]);
    const geonameId = Number(c[0]);
    if (!Number.isFinite(lat) || !Number.isFinite(lon) || !Number.isInteger(geonameId)) continue;
    const alternates = c[3] ?? '';
    visit({
      geonameId,
      name: c[1] ?? '',
      asciiName: c[2] ?? '',
      alternateNames: alternates === '' ? [] : alternates.split(','),
      lat,
      lon,
      featureCode: c[7] ?? '',
      country: c[8] ?? '',
      admin1: c[10] ?? '',
      population: Number(c[14]) || 0,
    });
    count++;
  }
  return count;
}
