interface TrieNode {
  /** The next code units, and the child each leads to (few per node: a linear scan beats hashing). */
  readonly units: number[];
  readonly children: TrieNode[];
  /** Partners with this exact prefix, while building. */
  own: number[];
  /** Partners with this prefix or a shorter one on the way to it, sorted; `null` when none ends here. */
  matches: Int32Array | null;
}

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
 * with `SW1`).
 */
export class PostalPrefixTrie {
  private readonly root = newNode();

  constructor(prefixesByPartner: readonly (readonly string[])[]) {
    prefixesByPartner.forEach((prefixes, partner) => {
      for (const prefix of prefixes) this.insert(prefix, partner);
    });
    this.settle(this.root, []);
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

  /** The partners (sorted positions) with a prefix that starts `code`, or `null` when none has. */
  lookup(code: string): Int32Array | null {
    let node: TrieNode | undefined = this.root;
    let found: Int32Array | null = null;
    for (let index = 0; index < code.length && node; index++) {
      const unit = normalizedUnit(code.charCodeAt(index));
      if (unit < 0) continue;
      node = childOf(node, unit);
      if (node?.matches) found = node.matches;
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
