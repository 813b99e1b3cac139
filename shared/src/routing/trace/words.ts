/** `1 partner`, `3 partners`. */
export function count(value: number, one: string, many = `${one}s`): string {
  return `${value} ${value === 1 ? one : many}`;
}

/** `a`, `a or b`, `a, b or c`. */
export function alternatives(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]!}`;
}

/** `a`, `a and b`, `a, b and c`. */
export function enumeration(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} and ${values[values.length - 1]!}`;
}

/** A distance as people read it: `62.4 km`. */
export function kilometres(value: number): string {
  return `${Math.round(value * 10) / 10} km`;
}
