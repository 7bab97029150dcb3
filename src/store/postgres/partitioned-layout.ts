/**
 * @module The distribution key for growing past one PostgreSQL server, and a declarative-partition layout over it
 * (docs/scaling.md). A blocking key names what a record is matched against (`type|country|week` for incidents,
 * `category|scope|week` for facts); its region and period are the distribution key, so a happening's records and
 * every record resolution compares them with sit in one partition (or, on Citus, one shard), bar the few keys that
 * name no country.
 */

/** Where and when a blocking key's records belong. */
export interface DistributionKey {
  /**
   * The country code (`IQ`), a named region without a country (`r:sahel`), `-` for no country known, `*` for the
   * any-country keys every incident is also filed under, `?` for facts without a place of their own.
   */
  readonly region: string;
  /**
   * The first day of the month the key's week starts in (`2024-01-01`), or null for undated keys (stored as
   * `infinity`: a partition key column cannot be null).
   */
  readonly period: string | null;
}

const DAY_MS = 86_400_000;

/**
 * The distribution key of an incident block key (`ASSAULT|IQ|2024-01-15`), a fact key (`killed|IQ|2800`), or a fact
 * key of a tagged family, whose tag is one letter and whose last part is a month counted from year 0 (series keys
 * `u|killed|IQ|24288`, place keys `h|killed|IQ|al asad air base|24288`): the region follows the kind.
 */
export function distributionKey(blockKey: string): DistributionKey {
  const parts = blockKey.split('|');
  const last = parts.at(-1) as string;
  if (parts.length >= 4 && /^[a-z]$/.test(parts[0] as string) && /^\d+$/.test(last)) {
    const month = Number(last);
    const year = String(Math.floor(month / 12)).padStart(4, '0');
    return { region: parts[2] as string, period: `${year}-${String((month % 12) + 1).padStart(2, '0')}-01` };
  }
  // A series key by day (`n|killed|UA|2024-07-08`: a city's toll and its country's): the day's month.
  if (parts.length >= 4 && /^[a-z]$/.test(parts[0] as string) && /^\d{4}-\d{2}-\d{2}$/.test(last))
    return { region: parts[2] as string, period: `${last.slice(0, 7)}-01` };
  if (parts.length !== 3) throw new Error(`"${blockKey}" is not a blocking key (kind|region|week, or tag|kind|region|…|month)`);
  const [, region, week] = parts as [string, string, string];
  return { region, period: periodOf(week) };
}

/** Incident keys name their week by its Monday, fact keys by its number of weeks since 1970-01-01. */
function periodOf(week: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(week)) return `${week.slice(0, 7)}-01`;
  if (/^-?\d+$/.test(week)) return `${new Date(Number(week) * 7 * DAY_MS).toISOString().slice(0, 7)}-01`;
  return null;
}

/** What to lay out: one partition per listed region, each split by month over the listed months. */
export interface PartitionPlan {
  /** The table to create, partitioned by region, then by period. */
  readonly table: string;
  readonly regions: readonly string[];
  /** First days of the months with a partition of their own (`2024-01-01`). */
  readonly months: readonly string[];
}

/** The partition a row with this key lands in, by the names `partitionedLayout` gives them. */
export function partitionName(plan: PartitionPlan, key: DistributionKey): string {
  const region = plan.regions.indexOf(key.region);
  if (region < 0) return `${plan.table}_other`;
  if (key.period === null || !plan.months.includes(key.period)) return `${plan.table}_r${region}_other`;
  return `${plan.table}_r${region}_${key.period.slice(0, 7).replace('-', '')}`;
}

/**
 * The statements that create a block-key table partitioned by region (list) and then by month (range), with default
 * partitions for other regions and other months: the layout a Citus cluster distributes by the same key.
 */
export function partitionedLayout(plan: PartitionPlan): string[] {
  const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;
  const statements = [
    `create table ${plan.table} (
      region text not null,
      period date not null,
      block_key text not null,
      record_id text not null,
      primary key (region, period, block_key, record_id)
    ) partition by list (region)`,
    `create table ${plan.table}_other partition of ${plan.table} default`,
  ];
  for (const [index, region] of plan.regions.entries()) {
    const parent = `${plan.table}_r${index}`;
    statements.push(`create table ${parent} partition of ${plan.table} for values in (${quote(region)}) partition by range (period)`);
    statements.push(`create table ${parent}_other partition of ${parent} default`);
    for (const month of plan.months) {
      const next = new Date(`${month}T00:00:00Z`);
      next.setUTCMonth(next.getUTCMonth() + 1);
      statements.push(
        `create table ${parent}_${month.slice(0, 7).replace('-', '')} partition of ${parent} for values from (${quote(month)}) to (${quote(next.toISOString().slice(0, 10))})`,
      );
    }
  }
  return statements;
}
