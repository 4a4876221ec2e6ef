/**
 * `echemkit analyze` topics. Each entry loads its module lazily so the CLI starts fast.
 * Analysis packages add one line here.
 */
import type { AnalyzeCommand } from './types.js';

export const analyzeCommands: Record<string, () => Promise<AnalyzeCommand>> = {
  // topic: () => import('./topic.js').then((m) => m.command),
  eis: () => import('./eis.js').then((m) => m.command),
  cycling: () => import('./cycling.js').then((m) => m.command),
  cv: () => import('./cv.js').then((m) => m.command),
  gitt: () => import('./gitt.js').then((m) => m.command),
  dcir: () => import('./dcir.js').then((m) => m.command),
  xps: () => import('./xps.js').then((m) => m.command),
  'depth-profile': () => import('./depth-profile.js').then((m) => m.command),
};
