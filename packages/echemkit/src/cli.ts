#!/usr/bin/env node
/**
 * The `echemkit` command line. Data to stdout only with `-o -`; messages to stderr.
 *
 * Start-up matters (a conversion of a small file takes a few hundred milliseconds), so this
 * module imports no command: each command module is imported when it runs, and the format
 * registry holds lazy plugins whose parsers are imported for the file being read.
 */
import * as nodeModule from 'node:module';
import { analyzeCommands } from './analyze/index.js';
import { UsageError } from './cli/args.js';
import { convertUsage, infoUsage, plotUsage, validateUsage } from './cli/usage.js';

const VERSION = '0.1.0';

const usage = `echemkit ${VERSION} — battery, electrochemistry and surface-analysis files into one schema

Usage: echemkit <command> [options]

Commands:
  convert <files…>   convert to echemkit JSON or BDF CSV
  validate <docs…>   validate echemkit JSON documents
  info <file>        format, measurements, columns, units, row counts, diagnostics
  formats            list the supported formats
  plot <file>        SVG chart of two columns (voltage vs time, Nyquist …)
  analyze <topic>    run an analysis (echemkit analyze --help lists the topics)

Run 'echemkit <command> --help' for the options of a command.

${convertUsage}

${validateUsage}

${infoUsage}

${plotUsage}`;

async function runAnalyze(argv: string[]): Promise<number> {
  const topic = argv[0];
  const topics = Object.keys(analyzeCommands).sort();
  if (!topic || topic === '--help' || topic === '-h') {
    const lines = await Promise.all(topics.map(async (t) => `  ${t.padEnd(14)} ${(await analyzeCommands[t]!()).summary}`));
    process.stdout.write(`Usage: echemkit analyze <topic> <file> [options]\n\nTopics:\n${lines.join('\n')}\n`);
    return topic ? 0 : 2;
  }
  const load = analyzeCommands[topic];
  if (!load) throw new UsageError(`unknown analysis '${topic}' (topics: ${topics.join(', ') || 'none'})`);
  const cmd = await load();
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(cmd.usage + '\n');
    return 0;
  }
  const { nodeIO } = await import('./cli/node-io.js');
  return cmd.run(argv.slice(1), nodeIO);
}

/** Runs the CLI with the given arguments; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'convert':
        return await (await import('./cli/convert.js')).runConvert(rest);
      case 'validate':
        return await (await import('./cli/validate.js')).runValidate(rest);
      case 'info':
        return await (await import('./cli/info.js')).runInfo(rest);
      case 'formats':
        return await (await import('./cli/info.js')).runFormats(rest);
      case 'plot':
        return await (await import('./cli/plot.js')).runPlot(rest);
      case 'analyze':
        return await runAnalyze(rest);
      case '--version':
      case '-v':
        process.stdout.write(VERSION + '\n');
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        process.stdout.write(usage + '\n');
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command '${command}'`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`echemkit: ${e.message}\nRun 'echemkit --help' for usage.\n`);
      return 2;
    }
    if (isTypedError(e)) {
      process.stderr.write(`echemkit: ${e.message}\n`);
      return 1;
    }
    process.stderr.write(`echemkit: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  }
}

/** `isEchemkitError` of core, without importing core for `--help`. */
function isTypedError(e: unknown): e is { code: string; message: string } {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' && (e as { code: string }).code.startsWith('ECHEM_');
}

const invokedDirectly = (() => {
  try {
    const argv1 = process.argv[1] ?? '';
    return /(^|[\\/])(cli\.(js|ts)|echemkit)$/.test(argv1);
  } catch {
    return false;
  }
})();

if (invokedDirectly) {
  // Node ≥ 22.1 can cache compiled code between runs (most of what is left of start-up);
  // the command modules and parsers imported below then load from the cache. No-op on Node 20.
  (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`echemkit: ${String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
