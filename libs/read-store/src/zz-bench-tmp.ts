import { SqliteReadStore } from '@app/read-store';
import * as fs from 'fs';
async function main() {
  const file = '/tmp/rsexp/bench.sqlite';
  for (const f of [file, file + '-wal', file + '-shm']) fs.rmSync(f, { force: true });
  const store = new SqliteReadStore({ filename: file });
  await store.ensureCollections([{ name: 'cases', indexes: [{ fields: ['status', 'dueAt'] }, { fields: ['priority'] }] }]);
  const statuses = ['open', 'answered', 'closed', 'suspended', 'filed'];
  let t = Date.now();
  for (let batch = 0; batch < 100; batch++) {
    const writes = Array.from({ length: 10000 }, (_, j) => {
      const i = batch * 10000 + j;
      return { collection: 'cases', id: `case-${(i * 7919) % 1000000}`, position: i + 1, data: { status: statuses[i % 5], priority: i % 7, dueAt: i % 10 === 0 ? null : new Date(Date.UTC(2026, 0, 1) + ((i * 37) % 500000) * 60000).toISOString(), petitioner: { name: 'José Núñez', city: 'Bogotá' }, subject: 'x'.repeat(200) } };
    });
    await store.commit('bench', writes, { version: 1, position: (batch + 1) * 10000 });
  }
  console.log('load ms', Date.now() - t);
  const measure = async (label: string, query: any, pagesDeep: number) => {
    let cursor: string | undefined;
    for (let p = 0; p < pagesDeep; p++) cursor = (await store.find('cases', { ...query, cursor })).nextCursor ?? undefined;
    const times: number[] = [];
    for (let k = 0; k < 300; k++) { const s = process.hrtime.bigint(); await store.find('cases', { ...query, cursor }); times.push(Number(process.hrtime.bigint() - s) / 1e6); }
    times.sort((a, b) => a - b);
    console.log(label, 'p50', times[150].toFixed(3), 'p95', times[285].toFixed(3), (await store.explainFind('cases', { ...query, cursor })).join(' | '));
  };
  const eqOpen = [{ field: 'status', op: 'eq', value: 'open' }];
  await measure('eq+asc first', { where: eqOpen, sort: [{ field: 'dueAt', direction: 'asc' }], limit: 20 }, 0);
  await measure('eq+asc page 500', { where: eqOpen, sort: [{ field: 'dueAt', direction: 'asc' }], limit: 20 }, 500);
  await measure('eq+desc first', { where: eqOpen, sort: [{ field: 'dueAt', direction: 'desc' }], limit: 20 }, 0);
  await measure('eq+desc page 500', { where: eqOpen, sort: [{ field: 'dueAt', direction: 'desc' }], limit: 20 }, 500);
  await measure('eq+desc into nulls', { where: eqOpen, sort: [{ field: 'dueAt', direction: 'desc' }], limit: 20 }, 9000);
  await measure('priority asc (ties 143k)', { sort: [{ field: 'priority', direction: 'asc' }], limit: 20 }, 50);
  await measure('priority desc (ties 143k)', { sort: [{ field: 'priority', direction: 'desc' }], limit: 20 }, 50);
  let s = Date.now(); console.log('count eq', await store.count('cases', eqOpen), Date.now() - s, 'ms');
  await store.close();
}
main();
