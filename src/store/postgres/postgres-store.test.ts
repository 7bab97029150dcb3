import { after, describe } from 'node:test';
import { NO_POSTGRES, postgresDatabases } from '../../../test/postgres-fixture.ts';
import { eventsRepositoryCases } from '../events-repository.case.ts';
import { storeCases } from '../store.case.ts';

describe('PostgreSQL store', { skip: NO_POSTGRES }, () => {
  const databases = postgresDatabases();
  after(() => databases.dropAll());
  storeCases(databases);
  eventsRepositoryCases(databases);
});
