/**
 * `npm run scenario -- PATH...`: runs conformance scenarios headless and prints one line per
 * scenario, then `N passed, N failed`. Exits non-zero when any scenario fails or cannot be read.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseScenario } from './format';
import { runScenario } from './runner';

function collect(path: string): string[] {
  const stat = statSync(path);
  if (!stat.isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((entry) => {
      const child = join(path, entry);
      const childStat = statSync(child);
      if (childStat.isDirectory()) return collect(child);
      return /\.ya?ml$/.test(entry) && entry !== 'README.yaml' ? [child] : [];
    });
}

function main(argv: string[]): number {
  if (argv.length === 0) {
    process.stderr.write('usage: npm run scenario -- PATH...   (scenario files or folders)\n');
    return 2;
  }
  let passed = 0;
  let failed = 0;
  for (const root of argv) {
    let files: string[];
    try {
      files = collect(root);
    } catch (error) {
      process.stdout.write(
        `FAIL ${root}\n    cannot read: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      failed += 1;
      continue;
    }
    for (const file of files) {
      const label = relative(root, file) || file;
      let outcome;
      let name = label;
      try {
        const scenario = parseScenario(readFileSync(file, 'utf8'));
        name = `${label}: ${scenario.name}`;
        outcome = runScenario(scenario);
      } catch (error) {
        outcome = { passed: false, problems: [error instanceof Error ? error.message : String(error)] };
      }
      if (outcome.passed) {
        passed += 1;
        process.stdout.write(`PASS ${name}\n`);
      } else {
        failed += 1;
        process.stdout.write(
          `FAIL ${name}\n${outcome.problems.map((problem) => `    ${problem}\n`).join('')}`,
        );
      }
    }
  }
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
