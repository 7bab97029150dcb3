/** @module Builds the gazetteer index into the cache and reports build time, load time and memory: `node --expose-gc --import tsx scripts/build-gazetteer.ts`. */
import { buildGazetteerCache, gazetteerCacheDir, loadGazetteer } from '../src/understand/places/load-gazetteer.ts';

const started = performance.now();
const { path, stats } = buildGazetteerCache();
const built = performance.now();
// Run with --expose-gc for a true figure: collect before and after loading.
const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});
collect();
const heapBefore = process.memoryUsage();
const loadStarted = performance.now();
const gazetteer = loadGazetteer();
const loadedAt = performance.now();
collect();
const heapAfter = process.memoryUsage();
const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;
process.stderr.write(
  `${[
    `gazetteer index: ${path}`,
    `cache folder: ${gazetteerCacheDir()}`,
    `sources: ${stats.cities} GeoNames rows; ${stats.places} places, ${stats.keys} names, ${stats.postings} postings, ${stats.admin1Regions} first-level regions`,
    `index size: ${mb(stats.bytes)}`,
    `build: ${((built - started) / 1000).toFixed(1)} s`,
    `load: ${(loadedAt - loadStarted).toFixed(0)} ms (${gazetteer.placeCount} places)`,
    `memory added by loading: heap ${mb(heapAfter.heapUsed - heapBefore.heapUsed)}, array buffers ${mb(heapAfter.arrayBuffers - heapBefore.arrayBuffers)}`,
  ].join('\n')}\n`,
);
