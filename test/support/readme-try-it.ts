import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** README's "Try it": who runs it, what they send and what they get back. */
export interface TryIt {
  agent: { sub: string; roles: string[] };
  supervisor: { sub: string; roles: string[] };
  admin: { sub: string; roles: string[] };
  filing: object;
  /** The backoffice user the admin creates (POST /users) before the assignment names them. */
  person: object;
  filingAnswer: Record<string, unknown>;
  assignPath: string;
  ifMatch: string;
  assignment: object;
}

/** The "Try it" block of README.md: the tokens, the filing's body and answer, the backoffice user created, and the assignment with its If-Match. */
export function readTryIt(): TryIt {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Try it'));
  const block = section.slice(section.indexOf('```bash') + '```bash'.length, section.indexOf('```', section.indexOf('```bash') + 1));
  const token = (name: string) => {
    const match = new RegExp(`${name}=\\$\\(npm run -s token -- --sub (\\S+) --roles (\\S+)\\)`).exec(block);
    if (!match) throw new Error(`README "Try it": no token for ${name}`);
    return { sub: match[1], roles: match[2].split(',') };
  };
  // Each curl with a body, by the path it posts to.
  const sent = block
    .split('curl -s localhost:3000')
    .slice(1)
    .map((command) => ({ path: /^\S+/.exec(command)![0], body: /-d '([^']*)'/.exec(command)?.[1] }))
    .filter((request): request is { path: string; body: string } => request.body !== undefined)
    .map(({ path, body }) => ({ path, body: JSON.parse(body) as object }));
  const bodyFor = (path: RegExp) => sent.find((request) => path.test(request.path))!.body;
  const answer = /# => 201 (\{.*\})/.exec(block)![1];
  const assignPath = /curl -s localhost:3000(\/cases\/<caseId>\/\S+)/.exec(block)![1];
  const ifMatch = /-H 'If-Match: ([^']+)'/.exec(block)![1];
  expect(sent.map((request) => request.path)).toEqual(['/cases', '/users', assignPath]);
  // The answer shown in README, without the parts it elides ("…").
  const shown = JSON.parse(answer) as Record<string, unknown>;
  const filingAnswer = Object.fromEntries(
    Object.entries(shown).map(([key, value]) => [key, typeof value === 'string' && value.includes('…') ? expect.stringMatching(new RegExp(`^${value.split('…').map(escape).join('.*')}$`)) : value]),
  );
  return {
    agent: token('AGENT'),
    supervisor: token('SUP'),
    admin: token('ADMIN'),
    filing: bodyFor(/^\/cases$/),
    filingAnswer,
    person: bodyFor(/^\/users$/),
    assignPath,
    ifMatch,
    assignment: bodyFor(/\/assignment$/),
  };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
