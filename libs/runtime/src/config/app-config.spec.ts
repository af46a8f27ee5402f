import { EventStoreDBClient } from '@eventstore/db-client';
import { mailSettingsOf, validateAppConfig } from './app-config';
import { configError } from './testing/config-error';

const SECRET = 'a-secret-that-is-long-enough-for-hs256-0123456789';
const SECRETS = { JWT_SECRET: SECRET, PETITIONER_ID_SECRET: `${SECRET}-ids` };


describe('validateAppConfig', () => {
  describe('EVENTSTORE_URL accepts exactly what @eventstore/db-client accepts', () => {
    it.each(['esdb://eventstore:2113?tls=false', 'esdb+discover://cluster.example.com:2113', 'esdb://admin:changeit@a:2113,b:2113?tls=true'])('given %s, then it is accepted, and the client parses it', (url) => {
      expect(configError({ EVENTSTORE_URL: url, ...SECRETS })).toBeUndefined();
      expect(() => EventStoreDBClient.connectionString(url)).not.toThrow();
    });

    it.each(['kurrentdb://eventstore:2113?tls=false', 'kurrentdb+discover://cluster:2113', 'http://eventstore:2113'])('given %s, then start-up stops naming the schemes the client accepts', (url) => {
      expect(configError({ EVENTSTORE_URL: url, ...SECRETS })).toContain('EVENTSTORE_URL: EVENTSTORE_URL must be an esdb:// or esdb+discover:// connection string');
      expect(() => EventStoreDBClient.connectionString(url)).toThrow();
    });
  });

  describe('metrics', () => {
    it('given METRICS_PORT without METRICS_TOKEN, or a short token, then start-up stops naming METRICS_TOKEN', () => {
      expect(configError({ METRICS_PORT: '9464' })).toContain('METRICS_TOKEN must be set (at least 32 characters) when METRICS_PORT is');
      expect(configError({ METRICS_TOKEN: 'short' })).toContain('METRICS_TOKEN');
      expect(configError({ METRICS_PORT: '9464', METRICS_TOKEN: SECRET })).toBeUndefined();
      expect(configError({})).toBeUndefined();
    });
  });

  describe('secrets on the server stores', () => {
    it.each([
      ['EVENTSTORE_URL', { EVENTSTORE_URL: 'esdb://eventstore:2113?tls=false' }, 'EVENTSTORE_URL is set'],
      ['MONGODB_URL', { MONGODB_URL: 'mongodb://pqr:pw@mongodb:27017/pqr' }, 'MONGODB_URL is set'],
      ['both', { EVENTSTORE_URL: 'esdb://eventstore:2113', MONGODB_URL: 'mongodb://mongodb:27017/pqr' }, 'EVENTSTORE_URL and MONGODB_URL are set'],
    ])('given %s without JWT_SECRET nor PETITIONER_ID_SECRET, then start-up stops naming each variable', (_name, stores, why) => {
      const message = configError(stores);
      expect(message).toContain(`JWT_SECRET: required when ${why}`);
      expect(message).toContain(`PETITIONER_ID_SECRET: required when ${why}`);
      expect(configError({ ...stores, JWT_SECRET: SECRET })).not.toContain('JWT_SECRET');
      expect(configError({ ...stores, ...SECRETS })).toBeUndefined();
    });

    it('given the embedded stores, then the secrets may be generated into DATA_DIR', () => {
      expect(configError({})).toBeUndefined();
    });

    it('given a secret that is too short, then it is refused as before', () => {
      expect(configError({ MONGODB_URL: 'mongodb://m:27017/pqr', JWT_SECRET: 'short', PETITIONER_ID_SECRET: SECRETS.PETITIONER_ID_SECRET })).toContain('JWT_SECRET: JWT_SECRET must be longer than or equal to 32 characters');
    });
  });

  describe('the emails link to the portal', () => {
    it('given no MAIL_PUBLIC_BASE_URL, then the links go to the portal this API serves on its PORT; given one, to it', () => {
      expect(mailSettingsOf(validateAppConfig({})).publicBaseUrl).toBe('http://localhost:3000');
      expect(mailSettingsOf(validateAppConfig({ PORT: '8080' })).publicBaseUrl).toBe('http://localhost:8080');
      expect(mailSettingsOf(validateAppConfig({ PORT: '8080', MAIL_PUBLIC_BASE_URL: 'https://pqr.example.co' })).publicBaseUrl).toBe('https://pqr.example.co');
    });
  });
});
