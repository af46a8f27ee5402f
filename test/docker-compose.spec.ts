import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// js-yaml comes with @nestjs/swagger (which parses YAML documents with it).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = require('js-yaml') as { load: (text: string) => unknown };

interface Service {
  image?: string;
  build?: unknown;
  user?: string;
  ports?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  healthcheck?: { test?: unknown; disable?: boolean };
}

const ROOT = join(__dirname, '..');
const compose = yaml.load(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')) as { services: Record<string, Service> };
// YAML merge keys (`<<: *app-environment`), as compose applies them.
for (const service of Object.values(compose.services)) {
  const { '<<': shared, ...own } = (service.environment ?? {}) as Record<string, unknown>;
  if (shared) service.environment = { ...(shared as Record<string, string>), ...(own as Record<string, string>) };
}
const services = Object.entries(compose.services);
const ours = services.filter(([, service]) => service.build !== undefined);
/** `${NAME:?message}`: compose stops, naming the variable, when it is unset or empty. */
const REQUIRED = /^\$\{[A-Z_]+:\?[^}]+\}$/;

/** The production stack is safe by default (issue 23 §3): an operator who runs it as it is exposes nothing. */
describe('docker-compose.yml', () => {
  it('has our API and projector, built from the Dockerfile, and the stores', () => {
    expect(ours.map(([name]) => name).sort()).toEqual(['api', 'projector']);
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(['eventstore', 'mongodb', 'mailpit']));
  });

  it('gives no secret a default: each is required from the environment', () => {
    for (const [name, service] of services) {
      for (const [variable, value] of Object.entries(service.environment ?? {})) {
        if (!/SECRET|PASSWORD/.test(variable)) continue;
        expect({ service: name, variable, value }).toEqual({ service: name, variable, value: expect.stringMatching(REQUIRED) });
      }
    }
    for (const [, service] of ours) {
      expect(service.environment).toMatchObject({ JWT_SECRET: expect.stringMatching(REQUIRED), PETITIONER_ID_SECRET: expect.stringMatching(REQUIRED) });
    }
  });

  it('runs MongoDB with a user, and our services connect with its credentials', () => {
    const mongo = compose.services.mongodb;
    expect(mongo.environment?.MONGO_INITDB_ROOT_PASSWORD).toMatch(REQUIRED);
    expect(mongo.environment?.MONGO_INITDB_ROOT_USERNAME).toBeTruthy();
    for (const [, service] of ours) expect(service.environment?.MONGODB_URL).toMatch(/^mongodb:\/\/[^@]+:\$\{MONGO_PASSWORD:\?[^}]+\}@mongodb:27017\//);
  });

  it('publishes no database on the host (EventStoreDB runs without TLS inside the compose network only)', () => {
    expect(compose.services.eventstore.ports ?? []).toEqual([]);
    expect(compose.services.mongodb.ports ?? []).toEqual([]);
    for (const [, service] of ours) expect(service.environment?.EVENTSTORE_URL).toMatch(/^esdb:\/\/eventstore:2113/);
  });

  it('has a healthcheck on every service', () => {
    for (const [name, service] of services) expect({ name, healthcheck: Boolean(service.healthcheck?.test) && !service.healthcheck?.disable }).toEqual({ name, healthcheck: true });
  });

  it("checks the API's readiness (GET /health/ready), and the projector by the lock it holds (it serves no HTTP)", () => {
    const { api, projector } = compose.services;
    const apiCheck = JSON.stringify(api.healthcheck?.test);
    expect(apiCheck).toContain('http://localhost:3000/health/ready');
    expect(apiCheck).toContain(`localhost:${api.environment?.PORT}/`);
    expect(JSON.stringify(projector.healthcheck?.test)).toContain('/data/projector.lock.json');
    expect(projector.environment?.DATA_DIR).toBe('/data');
  });

  it('runs nothing as root: no service asks for root, and our image ends as the node user', () => {
    for (const [name, service] of services) expect({ name, user: service.user ?? 'image default' }).not.toEqual({ name, user: expect.stringMatching(/^(root|0)(:|$)/) });
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    const finalStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    const users = [...finalStage.matchAll(/^USER\s+(\S+)/gm)].map((match) => match[1]);
    expect(users.at(-1)).toBe('node');
  });

  it('builds the customer portal the API serves before pruning the dev dependencies that build it', () => {
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    const portal = dockerfile.indexOf('npm run build:portal');
    expect(portal).toBeGreaterThan(-1);
    expect(dockerfile.indexOf('npm prune --omit=dev')).toBeGreaterThan(portal);
  });

  it('gives the projector, which sends the emails, the mail settings, and one volume to the API and the projector', () => {
    const { api, projector, mailpit } = compose.services;
    expect(projector.environment?.SMTP_URL).toContain('smtp://mailpit:1025');
    expect(mailpit.image).toMatch(/^axllent\/mailpit/);
    expect(api.environment?.PROJECTOR).toBe('external');
    expect(api.environment?.DATA_DIR).toBe(projector.environment?.DATA_DIR);
    const dataVolume = (service: Service) => service.volumes?.find((volume) => volume.endsWith(`:${service.environment?.DATA_DIR}`));
    expect(dataVolume(api)).toBeDefined();
    expect(dataVolume(projector)).toBe(dataVolume(api));
  });
});
