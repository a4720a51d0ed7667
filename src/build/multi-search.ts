/**
 * Aho-Corasick: finds every occurrence of many needles in one pass over a text, so scanning a
 * site for thousands of needles costs about the same as reading it once.
 */

interface Node {
  next: Map<number, number>;
  fail: number;
  /** Needle indexes ending here (including via fail links). */
  out: number[];
}

export interface MultiSearch {
  /** Indexes (into the needle list) of every needle found in `text`. */
  findIn(text: string): Set<number>;
}

export function createMultiSearch(needles: readonly string[]): MultiSearch {
  const nodes: Node[] = [{ next: new Map(), fail: 0, out: [] }];
  needles.forEach((needle, index) => {
    if (needle.length === 0) return;
    let state = 0;
    for (let i = 0; i < needle.length; i++) {
      const code = needle.charCodeAt(i);
      let to = nodes[state]!.next.get(code);
      if (to === undefined) {
        to = nodes.length;
        nodes.push({ next: new Map(), fail: 0, out: [] });
        nodes[state]!.next.set(code, to);
      }
      state = to;
    }
    nodes[state]!.out.push(index);
  });
  const queue: number[] = [];
  for (const child of nodes[0]!.next.values()) queue.push(child);
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    for (const [code, child] of nodes[state]!.next) {
      queue.push(child);
      let fail = nodes[state]!.fail;
      while (fail !== 0 && !nodes[fail]!.next.has(code)) fail = nodes[fail]!.fail;
      const target = nodes[fail]!.next.get(code);
      nodes[child]!.fail = target !== undefined && target !== child ? target : 0;
      nodes[child]!.out.push(...nodes[nodes[child]!.fail]!.out);
    }
  }
  return {
    findIn(text) {
      const found = new Set<number>();
      let state = 0;
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        let to = nodes[state]!.next.get(code);
        while (to === undefined && state !== 0) {
          state = nodes[state]!.fail;
          to = nodes[state]!.next.get(code);
        }
        state = to ?? 0;
        const out = nodes[state]!.out;
        for (let k = 0; k < out.length; k++) found.add(out[k]!);
      }
      return found;
    },
  };
}
