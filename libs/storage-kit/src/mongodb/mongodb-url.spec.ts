import { databaseFromUrl, redactMongoUrl } from './mongodb-url';

describe('MongoDB URLs', () => {
  it.each([
    ['mongodb://127.0.0.1:27017/pqr_test', 'pqr_test'],
    ['mongodb://user:secret@db-1:27017,db-2:27017/cases?replicaSet=rs0', 'cases'],
    ['mongodb+srv://cluster.example.net/reads%2Dstore?retryWrites=true', 'reads-store'],
    ['mongodb://127.0.0.1:27017/', 'pqr'],
    ['mongodb://127.0.0.1:27017', 'pqr'],
    ['mongodb://127.0.0.1:27017?directConnection=true', 'pqr'],
  ])('%s names the database %s', (url, database) => {
    expect(databaseFromUrl(url)).toBe(database);
  });

  it('refuses a URL of another scheme', () => {
    expect(() => databaseFromUrl('postgres://user:secret@host/db')).toThrow('Not a MongoDB connection string: <not a mongodb:// URL>');
  });

  it.each([
    ['mongodb://127.0.0.1:27017/pqr', 'mongodb://127.0.0.1:27017/pqr'],
    ['mongodb://reader:s3cr%40t@db-1:27017,db-2:27017/pqr?authSource=admin', 'mongodb://***@db-1:27017,db-2:27017/pqr?…'],
    ['mongodb+srv://reader:p@ss@cluster.example.net/?tlsCertificateKeyFilePassword=x', 'mongodb+srv://***@cluster.example.net/?…'],
  ])('shows %s as %s', (url, shown) => {
    expect(redactMongoUrl(url)).toBe(shown);
  });
});
