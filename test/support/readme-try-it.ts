import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** README's "Try it": who runs it, what they send and what they get back. */
export interface TryIt {
  agent: { sub: string; roles: string[] };
  supervisor: { sub: string; roles: string[] };
  filing: object;
  filingAnswer: Record<string, unknown>;
  assignPath: string;
  ifMatch: string;
  assignment: object;
}

/** The "Try it" block of README.md: the tokens, the filing's body and answer, and the assignment with its If-Match. */
export function readTryIt(): TryIt {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Try it'));
  const block = section.slice(section.indexOf('```bash') + '```bash'.length, section.indexOf('```', section.indexOf('```bash') + 1));
  const token = (name: string) => {
    const match = new RegExp(`${name}=\\$\\(npm run -s token -- --sub (\\S+) --roles (\\S+)\\)`).exec(block);
    if (!match) throw new Error(`README "Try it": no token for ${name}`);
    return { sub: match[1], roles: match[2].split(',') };
  };
  const bodies = [...block.matchAll(/-d '([^']*)'/g)].map((match) => JSON.parse(match[1]) as object);
  const answer = /# => 201 (\{.*\})/.exec(block)![1];
  const assignPath = /curl -s localhost:3000(\/cases\/<caseId>\/\S+)/.exec(block)![1];
  const ifMatch = /-H 'If-Match: ([^']+)'/.exec(block)![1];
  expect(bodies).toHaveLength(2);
  // The answer shown in README, without the parts it elides ("…").
  const shown = JSON.parse(answer) as Record<string, unknown>;
  const filingAnswer = Object.fromEntries(
    Object.entries(shown).map(([key, value]) => [key, typeof value === 'string' && value.includes('…') ? expect.stringMatching(new RegExp(`^${value.split('…').map(escape).join('.*')}$`)) : value]),
  );
  return { agent: token('AGENT'), supervisor: token('SUP'), filing: bodies[0], filingAnswer, assignPath, ifMatch, assignment: bodies[1] };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
