/**
 * The distribution key on the local PostgreSQL server with declarative partitions: the block keys of a real store
 * (the samples, analysed) are copied into a table partitioned by region and then by month, each row lands in the
 * partition its key names, and a query for one region and month reads that partition alone.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { ingest } from '../src/ingest/ingest.ts';
import { analyse } from '../src/pipeline/analyse.ts';
import { distributionKey, partitionedLayout, partitionName, type PartitionPlan } from '../src/store/postgres/partitioned-layout.ts';
import { NO_POSTGRES, postgresDatabases } from './postgres-fixture.ts';
import { SAMPLES } from './team-fixture.ts';

describe('partitioning by distribution key (region, month)', { skip: NO_POSTGRES }, () => {
  const databases = postgresDatabases();
  after(() => databases.dropAll());

  it('routes every incident and fact key to the partition of its region and month, and prunes the rest', async () => {
    const store = await databases.open();
    await ingest(store, [SAMPLES]);
    await analyse(store, { workers: 0 });
    const client = new pg.Client({ connectionString: store.location });
    await client.connect();
    try {
      const rows = (
        await client.query<{ block_key: string; record_id: string }>(
          'select block_key, incident_id as record_id from incident_blocks union all select key, fact_id from fact_keys',
        )
      ).rows.map((r) => ({ ...r, key: distributionKey(r.block_key) }));
      assert.ok(rows.length > 100, `the samples give many keys: ${rows.length}`);
      // The two busiest regions get partitions of their own, split by their three busiest months; the rest default.
      const busiest = <T>(values: readonly T[], n: number): T[] => {
        const counts = new Map<T, number>();
        for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
        return [...counts]
          .sort((a, b) => b[1] - a[1])
          .slice(0, n)
          .map(([v]) => v);
      };
      const regions = busiest(
        rows.map((r) => r.key.region).filter((r) => r !== '*'),
        2,
      );
      const months = busiest(
        rows.filter((r) => regions.includes(r.key.region) && r.key.period !== null).map((r) => r.key.period as string),
        3,
      );
      const plan: PartitionPlan = { table: 'blocks_by_key', regions, months };
      for (const statement of partitionedLayout(plan)) await client.query(statement);
      await client.query(
        `insert into blocks_by_key (region, period, block_key, record_id)
         select region, coalesce(period::date, 'infinity'), block_key, record_id
         from unnest($1::text[], $2::text[], $3::text[], $4::text[]) as t(region, period, block_key, record_id)`,
        [rows.map((r) => r.key.region), rows.map((r) => r.key.period), rows.map((r) => r.block_key), rows.map((r) => r.record_id)],
      );

      const landed = await client.query<{ partition: string; block_key: string; record_id: string }>(
        'select tableoid::regclass::text as partition, block_key, record_id from blocks_by_key',
      );
      assert.equal(landed.rows.length, rows.length, 'every key stored once');
      const wrong = landed.rows.filter((r) => r.partition !== partitionName(plan, distributionKey(r.block_key)));
      assert.deepEqual(wrong.slice(0, 3), [], `${wrong.length} keys in another partition than their key names`);
      const used = new Set(landed.rows.map((r) => r.partition));
      const own = [...used].filter((p) => /_r\d+_\d{6}$/.test(p));
      assert.ok(own.length >= 3, `keys spread over the regions' own month partitions: ${[...used].sort().join(', ')}`);

      const [region, month] = [regions[0] as string, months[0] as string];
      const explain = await client.query<{ 'QUERY PLAN': unknown }>(
        `explain (format json) select * from blocks_by_key where region = '${region}' and period = '${month}'`,
      );
      const scanned = [...JSON.stringify(explain.rows[0]?.['QUERY PLAN']).matchAll(/"Relation Name":"([^"]+)"/g)].map((m) => m[1]);
      assert.deepEqual(scanned, [partitionName(plan, { region, period: month })], 'one region and month reads one partition');
    } finally {
      await client.end();
      await store.close();
    }
  });
});
