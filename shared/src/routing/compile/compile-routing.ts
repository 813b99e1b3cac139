import type { Partner } from '../../entities/partner.js';
import type { Program } from '../../program/schema/program.js';
import { CompiledRouting } from './compiled-routing.js';

const cache = new WeakMap<Program, WeakMap<readonly Partner[], CompiledRouting>>();

/**
 * Compiles a program's routing section against the partners, once: later calls with the same program and
 * partner list (the same objects) return the same compiled form. Treat both as immutable, as the core does:
 * a changed partner list is a new list, and compiles anew.
 *
 * @example
 * const routing = compileRouting(program, partners); // bitsets, trie, kdbush index, typed arrays
 */
export function compileRouting(program: Program, partners: readonly Partner[]): CompiledRouting {
  let byPartners = cache.get(program);
  if (!byPartners) {
    byPartners = new WeakMap();
    cache.set(program, byPartners);
  }
  let compiled = byPartners.get(partners);
  if (!compiled) {
    compiled = new CompiledRouting(program, partners);
    byPartners.set(partners, compiled);
  }
  return compiled;
}
