// Seed measure catalog: the incentives of seed 二.(二)1–7 and the sanctions of 三.(二)14–18, each with its legal basis.
import type { MeasureSeed } from './catalog.types.ts';
import { incentives } from './catalog.seed.incentives.ts';
import { sanctions } from './catalog.seed.sanctions.ts';

export const measures: readonly MeasureSeed[] = [...incentives, ...sanctions];
