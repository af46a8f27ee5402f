// TEMPORARY experiment (deleted after use): the API's SqliteReadStore replaced by MongoReadStore.
jest.mock('@app/read-store', () => {
  const actual = jest.requireActual('@app/read-store/index');
  const { MongoReadStore } = jest.requireActual('@app/read-store/mongodb');
  const { scratchDatabaseName } = jest.requireActual('@app/read-store/mongodb/testing/scratch-database');
  class SwappedStore {
    constructor() {
      process.stderr.write("SWAPPED-TO-MONGO\n");
      const store = new MongoReadStore({ url: process.env.MONGODB_URL!, database: scratchDatabaseName(process.env.MONGODB_URL!) });
      const commit = store.commit.bind(store);
      store.commit = async (...args: any[]) => {
        try { return await (commit as any)(...args); } catch (e) { process.stderr.write(`COMMIT-FAILED ${args[0]} ${JSON.stringify(args[1]).slice(0, 3000)} ${e}\n`); throw e; }
      };
      return store;
    }
  }
  return { ...actual, SqliteReadStore: SwappedStore };
});
