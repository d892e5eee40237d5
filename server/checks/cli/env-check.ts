/**
 * `env-check`: every variable named in .env.example is set (in an env file, or in the
 * environment) and not empty. Only names are ever printed, never values.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'dotenv';

export interface EnvCheck {
  required: string[];
  missing: string[];
  empty: string[];
  /** Set but not in the example (worth documenting). */
  undocumented: string[];
  source: string;
}

export async function checkEnv(examplePath: string, envFile: string | undefined, environment: NodeJS.ProcessEnv = process.env): Promise<EnvCheck> {
  const required = Object.keys(parse(await readFile(examplePath, 'utf8')));
  const values: Record<string, string | undefined> = envFile ? parse(await readFile(envFile, 'utf8')) : environment;
  const missing = required.filter((name) => values[name] === undefined);
  const empty = required.filter((name) => values[name] !== undefined && values[name]!.trim() === '');
  const undocumented = envFile ? Object.keys(values).filter((name) => !required.includes(name)) : [];
  return { required, missing, empty, undocumented, source: envFile ?? 'the environment' };
}

export function formatEnvCheck(check: EnvCheck): string {
  const lines = [`Checking ${check.required.length} required variable${check.required.length === 1 ? '' : 's'} in ${check.source}:`];
  for (const name of check.required) {
    if (check.missing.includes(name)) lines.push(`  ✖ ${name}  missing`);
    else if (check.empty.includes(name)) lines.push(`  ✖ ${name}  empty`);
    else lines.push(`  ✔ ${name}`);
  }
  if (check.undocumented.length > 0) lines.push(`  note: set but not in the example: ${check.undocumented.join(', ')}`);
  const problems = check.missing.length + check.empty.length;
  lines.push(problems === 0 ? 'All required variables are set.' : `${problems} required variable${problems === 1 ? ' is' : 's are'} missing or empty: add them where your app reads its configuration (hosting dashboard or secret manager).`);
  return `${lines.join('\n')}\n`;
}
