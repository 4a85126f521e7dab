// Templates of the simulation's clock steps.
import fc from 'fast-check';
import { CLOCK_STEPS, clockCaller, type Settings } from './settings.js';
import { template, type WeightedTemplates } from './template.js';

export function clockTemplates(settings: Settings): WeightedTemplates[] {
  return [
    {
      action: 'AdvanceClock',
      weight: 35,
      // Mostly 0 (settle what is due), so that pending requests live long enough to be answered.
      arbitrary: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 5, arbitrary: fc.constantFrom(...CLOCK_STEPS) }).map((ms) => template('AdvanceClock', () => ({ caller: clockCaller(settings), command: { type: 'AdvanceClock', Milliseconds: ms } }))),
    },
  ];
}
