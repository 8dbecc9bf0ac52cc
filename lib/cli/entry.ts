import { main } from './main';

/** Entry point of the bundled CLI (dist/cli.mjs). */
export async function run(argv: string[]): Promise<number> {
  return main(argv, { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) });
}
