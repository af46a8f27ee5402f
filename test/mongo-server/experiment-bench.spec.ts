// TEMPORARY experiment (deleted after use).
import { MongoReadStore } from '@app/read-store/mongodb';
import { scratchDatabaseName } from '@app/read-store/mongodb/testing/scratch-database';
it('bench', async () => {
  const url = process.env.MONGODB_URL!;
  const store = new MongoReadStore({ url, database: scratchDatabaseName(url) });
  await store.ensureCollections([{ name: 'cases', indexes: [{ fields: ['filingNumber'], unique: true }, { fields: ['status', 'dueAt'] }] }]);
  for (const size of [0, 1000, 3000]) {
    const existing = await store.count('cases');
    const writes = Array.from({ length: size - existing }, (_, i) => ({ collection: 'cases', id: `c-${existing + i}`, position: existing + i + 1, data: { filingNumber: `F-${existing + i}`, status: 'open', dueAt: new Date(1e12 + i).toISOString() } }));
    if (writes.length) await store.commit('p', writes, { version: 1, position: size });
    const time = async (label: string, fn: () => Promise<unknown>, n = 10) => { const t0 = Date.now(); for (let i = 0; i < n; i++) await fn(); console.log(`${size} docs: ${label}: ${((Date.now() - t0) / n).toFixed(1)} ms`); };
    let pos = 100000 + size * 100;
    await time('commit 1 upsert (unique pre-check)', () => store.commit('p', [{ collection: 'cases', id: 'c-1', position: ++pos, data: { filingNumber: 'F-1', status: 'open' } }], { version: 1, position: pos }));
    await time('commit 0 writes', () => store.commit('p', [], { version: 1, position: pos }));
    await time('get', () => store.get('cases', 'c-1'));
    await time('find eq + sort, limit 20', () => store.find('cases', { where: [{ field: 'status', op: 'eq', value: 'open' }], sort: [{ field: 'dueAt', direction: 'asc' }], limit: 20 }));
    await time('count eq', () => store.count('cases', [{ field: 'status', op: 'eq', value: 'open' }]));
  }
  await store.close();
}, 600000);
