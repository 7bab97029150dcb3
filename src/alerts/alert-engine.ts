/**
 * @module Alerts during a watch: after each batch of new reports is analysed, the rules are checked against the
 * store's picture, new changes are stored as alerts (one transaction; an alert's id is its change, so each fires
 * once), and every alert not yet delivered goes to each target.
 */
import type { Store } from '../store/store.ts';
import type { SourcesConfig } from '../watch/sources-file.ts';
import { type AlertRule, type AlertTarget, alertRules, alertTargets } from './alert-rules.ts';
import { type DeliveryOptions, deliverAlerts } from './deliver-alerts.ts';
import { findAlerts } from './find-alerts.ts';

export interface AlertEngine {
  readonly rules: readonly AlertRule[];
  readonly targets: readonly AlertTarget[];
  /** Checks the rules, stores new alerts and delivers what is undelivered; returns the ids raised now. */
  evaluate(): Promise<string[]>;
}

export interface AlertEngineOptions extends DeliveryOptions {
  /** Where failures to deliver are told (the watch goes on, and tries again next time). */
  readonly err: (text: string) => void;
}

/** Reads the rules and targets from the sources file (a bad one throws, naming it). */
export function alertEngine(store: Store, config: SourcesConfig, options: AlertEngineOptions): AlertEngine {
  const rules = alertRules(config);
  const targets = alertTargets(config);
  return {
    rules,
    targets,
    async evaluate() {
      if (rules.length === 0) return [];
      const found = await findAlerts(store, rules, new Date().toISOString());
      const raised = await store.transaction((tx) =>
        tx.watch.raiseAlerts(found.map((a) => ({ id: a.id, rule: a.rule, kind: a.kind, createdAt: a.createdAt, payload: a }))),
      );
      const result = await deliverAlerts(store, targets, options);
      for (const failure of result.failed) options.err(`sitrep watch: alerts to ${failure.target} are held for later: ${failure.reason}\n`);
      return raised;
    },
  };
}
