// Loaded before every server test file (vitest setupFiles).
import { expect } from 'vitest';
import { Receptions } from '../rotation/domain/types.js';

// Two receptions tables are equal when they hold the same receptions in the same order, however
// each shares its table with earlier copies (copy on write).
expect.addEqualityTesters([
  function receptionsEqual(a: unknown, b: unknown, testers) {
    if (!(a instanceof Receptions) || !(b instanceof Receptions)) return undefined;
    return this.equals([...a], [...b], testers);
  },
]);
