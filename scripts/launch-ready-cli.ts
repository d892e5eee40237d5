/**
 * launch-ready: check a live domain, scan a build for secrets, or check environment variables,
 * from a terminal or CI. Usage: npx tsx scripts/launch-ready-cli.ts --help
 */
import { main } from '@/server/checks/cli/main';

main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`launch-ready failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 3;
  },
);
