/** A node of the trie while it is built. */
interface TrieNode {
  /** The next code units, and the child each leads to. */
  readonly units: number[];
  readonly children: TrieNode[];
  /** Partners with this exact prefix, while building. */
  own: number[];
  /** Partners with this prefix or a shorter one on the way to it, sorted; `null` when none ends here. */
  matches: Int32Array | null;
}

/** Spreads a hash over the high bits, which pick the slot (Fibonacci hashing). */
const GOLDEN = 0x9e3779b9;

const SPACE = 32;
const HYPHEN = 45;
const LOWER_A = 97;
const LOWER_Z = 122;

/** The code unit a postal code is compared on: letters in capitals; spaces and hyphens are ignored (-1). */
function normalizedUnit(code: number): number {
  if (code === SPACE || code === HYPHEN) return -1;
  return code >= LOWER_A && code <= LOWER_Z ? code - 32 : code;
}

function newNode(): TrieNode {
  return { units: [], children: [], own: [], matches: null };
}

function childOf(node: TrieNode, unit: number): TrieNode | undefined {
  const { units } = node;
  for (let index = 0; index < units.length; index++) if (units[index] === unit) return node.children[index];
  return undefined;
}

/**
 * Partners' postal prefixes as a trie: the partners whose prefixes start a postal code are found by walking
 * the code once, whatever the number of prefixes. Case, spaces and hyphens are ignored (`sw1a 1aa` starts
 * with `SW1`). Once built, nodes are numbered (the root is 0) and the edges kept in one table hashed by
 * node and code unit, so that each step of a walk is a probe or two in typed arrays rather than a scan of
 * the node's children.
 */
export class PostalPrefixTrie {
  private readonly root = newNode();
  /** Per node, the partners with a prefix ending there or on the way to it (see `TrieNode.matches`). */
  private readonly matches: (Int32Array | null)[] = [];
  /** Open addressing with linear probing: per slot, an edge's node + 1 (0: empty), code unit and child. */
  private readonly edgeFrom: Int32Array;
  private readonly edgeUnit: Int32Array;
  private readonly edgeTo: Int32Array;
  private readonly slotBits: number;

  constructor(prefixesByPartner: readonly (readonly string[])[]) {
    prefixesByPartner.forEach((prefixes, partner) => {
      for (const prefix of prefixes) this.insert(prefix, partner);
    });
    this.settle(this.root, []);
    const nodes = [this.root];
    for (let index = 0; index < nodes.length; index++) {
      this.matches.push(nodes[index]!.matches);
      nodes.push(...nodes[index]!.children);
    }
    // At most half the slots are taken, so that probes stay short.
    this.slotBits = Math.max(4, Math.ceil(Math.log2(2 * nodes.length)));
    this.edgeFrom = new Int32Array(1 << this.slotBits);
    this.edgeUnit = new Int32Array(1 << this.slotBits);
    this.edgeTo = new Int32Array(1 << this.slotBits);
    const numberOf = new Map(nodes.map((node, number) => [node, number]));
    nodes.forEach((node, number) => {
      node.units.forEach((unit, index) => this.addEdge(number, unit, numberOf.get(node.children[index]!)!));
    });
  }

  private insert(prefix: string, partner: number): void {
    let node = this.root;
    for (let index = 0; index < prefix.length; index++) {
      const unit = normalizedUnit(prefix.charCodeAt(index));
      if (unit < 0) continue;
      let child = childOf(node, unit);
      if (!child) {
        child = newNode();
        node.units.push(unit);
        node.children.push(child);
      }
      node = child;
    }
    if (node !== this.root) node.own.push(partner);
  }

  private settle(node: TrieNode, inherited: readonly number[]): void {
    let here = inherited;
    if (node.own.length > 0) {
      here = [...new Set([...inherited, ...node.own])].sort((a, b) => a - b);
      node.matches = Int32Array.from(here);
    }
    node.own = [];
    for (const child of node.children) this.settle(child, here);
  }

  private firstSlot(node: number, unit: number): number {
    return Math.imul((node << 16) ^ unit, GOLDEN) >>> (32 - this.slotBits);
  }

  private addEdge(node: number, unit: number, child: number): void {
    const mask = (1 << this.slotBits) - 1;
    let slot = this.firstSlot(node, unit);
    while (this.edgeFrom[slot] !== 0) slot = (slot + 1) & mask;
    this.edgeFrom[slot] = node + 1;
    this.edgeUnit[slot] = unit;
    this.edgeTo[slot] = child;
  }

  /** The child of `node` along `unit`, or -1. */
  private child(node: number, unit: number): number {
    const mask = (1 << this.slotBits) - 1;
    for (let slot = this.firstSlot(node, unit); ; slot = (slot + 1) & mask) {
      const from = this.edgeFrom[slot]! - 1;
      if (from < 0) return -1;
      if (from === node && this.edgeUnit[slot] === unit) return this.edgeTo[slot]!;
    }
  }

  /** The partners (sorted positions) with a prefix that starts `code`, or `null` when none has. */
  lookup(code: string): Int32Array | null {
    let node = 0;
    let found: Int32Array | null = null;
    for (let index = 0; index < code.length; index++) {
      const unit = normalizedUnit(code.charCodeAt(index));
      if (unit < 0) continue;
      node = this.child(node, unit);
      if (node < 0) break;
      found = this.matches[node] ?? found;
    }
    return found;
  }
}

/** Whether a sorted list of positions holds `position`. */
export function sortedHas(list: Int32Array, position: number): boolean {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const value = list[middle]!;
    if (value === position) return true;
    if (value < position) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}
