/**
 * `echemkit analyze` topics. Each entry loads its module lazily so the CLI starts fast.
 * Analysis packages add one line here.
 */
import type { AnalyzeCommand } from './types.js';

export const analyzeCommands: Record<string, () => Promise<AnalyzeCommand>> = {
  // topic: () => import('./topic.js').then((m) => m.command),
};
