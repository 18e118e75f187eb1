/**
 * Aho–Corasick automaton over UTF-16 code units, built once, scanned in linear time.
 *
 * Layout (flat typed arrays, no per-node objects):
 * - the trie is built from the patterns sorted by code units, so each new pattern shares its
 *   prefix with the previous one only (no hash lookups while building);
 * - the children of a node are a sorted slice of `edgeChar`/`edgeTo` (CSR); the root has a dense
 *   65,536-entry table because almost every text character is looked up there;
 * - `fail` is the usual failure link; `out` is the first node on the suffix chain (the node itself
 *   included) that ends a pattern, `nextOut` continues that chain: reporting is O(matches).
 *
 * Patterns are identified by their index in the SORTED order (`patterns[i]`).
 */

function grow(a: Int32Array, need: number): Int32Array {
  if (need <= a.length) return a;
  const b = new Int32Array(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

export class Automaton {
  /** The patterns, sorted by UTF-16 code units; a pattern's id is its index here. */
  readonly patterns: readonly string[];
  readonly nodeCount: number;
  // The tables are public (read-only by convention) so the fused normalise+scan loop in
  // normalize.ts can inline the transition; nothing else should touch them.
  readonly rootNext: Int32Array;
  readonly edgeStart: Int32Array;
  readonly edgeChar: Uint16Array;
  readonly edgeTo: Int32Array;
  readonly fail: Int32Array;
  /** First pattern-ending node on the suffix chain of a node (itself included), or -1. */
  readonly out: Int32Array;
  /** Next pattern-ending node on the suffix chain after `out`, or -1. */
  readonly nextOut: Int32Array;
  /** Pattern id ending at a node, or -1. */
  readonly term: Int32Array;
  /**
   * The same output chains at the pattern level: outPid[node] = id of the longest pattern ending
   * at this node's suffix chain (or -1); nextPid[pid] = the next shorter pattern that is a suffix
   * of it (or -1). Scanners record outPid (already in a register) and expand with nextPid.
   */
  readonly outPid: Int32Array;
  readonly nextPid: Int32Array;

  /** @param patterns distinct, non-empty strings (duplicates are ignored) */
  constructor(patterns: Iterable<string>) {
    const sorted = [...new Set(patterns)].filter((p) => p.length > 0).sort();
    this.patterns = sorted;

    let totalChars = 0;
    for (const p of sorted) totalChars += p.length;
    let parent: Int32Array = new Int32Array(Math.min(totalChars, 1 << 16) + 1);
    let depth: Int32Array = new Int32Array(parent.length);
    let chr: Int32Array = new Int32Array(parent.length);
    let term: Int32Array = new Int32Array(parent.length).fill(-1);
    let nodes = 1; // 0 = root
    let maxDepth = 0;

    // Build the trie from sorted patterns: reuse the path shared with the previous pattern.
    const path = new Int32Array(sorted.reduce((m, p) => Math.max(m, p.length), 0) + 1);
    let prev = '';
    for (let pi = 0; pi < sorted.length; pi++) {
      const p = sorted[pi];
      let l = 0;
      const lim = Math.min(p.length, prev.length);
      while (l < lim && p.charCodeAt(l) === prev.charCodeAt(l)) l++;
      let node = path[l];
      const need = nodes + (p.length - l) + 1;
      if (need > parent.length) {
        parent = grow(parent, need);
        depth = grow(depth, need);
        chr = grow(chr, need);
        const t2 = new Int32Array(parent.length).fill(-1);
        t2.set(term.subarray(0, nodes));
        term = t2;
      }
      for (let d = l; d < p.length; d++) {
        const v = nodes++;
        parent[v] = node;
        chr[v] = p.charCodeAt(d);
        depth[v] = d + 1;
        path[d + 1] = v;
        node = v;
      }
      if (p.length > maxDepth) maxDepth = p.length;
      term[node] = pi;
      prev = p;
    }
    this.nodeCount = nodes;

    // CSR children: node ids were created in lexicographic DFS order, so filling in id order keeps
    // each parent's children sorted by character.
    const edgeStart = new Int32Array(nodes + 1);
    for (let v = 1; v < nodes; v++) edgeStart[parent[v] + 1]++;
    for (let v = 0; v < nodes; v++) edgeStart[v + 1] += edgeStart[v];
    const fillPos = edgeStart.slice(0, nodes);
    const edgeChar = new Uint16Array(Math.max(1, nodes - 1));
    const edgeTo = new Int32Array(Math.max(1, nodes - 1));
    const rootNext = new Int32Array(0x10000);
    for (let v = 1; v < nodes; v++) {
      const at = fillPos[parent[v]]++;
      edgeChar[at] = chr[v];
      edgeTo[at] = v;
      if (parent[v] === 0) rootNext[chr[v]] = v;
    }

    // Failure links in breadth-first order (counting sort by depth).
    const byDepthStart = new Int32Array(maxDepth + 2);
    for (let v = 1; v < nodes; v++) byDepthStart[depth[v] + 1]++;
    for (let d = 0; d <= maxDepth; d++) byDepthStart[d + 1] += byDepthStart[d];
    const order = new Int32Array(Math.max(1, nodes - 1));
    const depthFill = byDepthStart.slice(0, maxDepth + 1);
    for (let v = 1; v < nodes; v++) order[depthFill[depth[v]]++] = v;

    const fail = new Int32Array(nodes);
    const out = new Int32Array(nodes).fill(-1);
    const nextOut = new Int32Array(nodes).fill(-1);
    for (let k = 0; k < nodes - 1; k++) {
      const v = order[k];
      const pv = parent[v];
      let f = 0;
      if (pv !== 0) {
        const c = chr[v];
        let s = fail[pv];
        for (;;) {
          if (s === 0) {
            f = rootNext[c];
            break;
          }
          const t = Automaton.child(edgeStart, edgeChar, edgeTo, s, c);
          if (t >= 0) {
            f = t;
            break;
          }
          s = fail[s];
        }
      }
      fail[v] = f;
      const inherited = out[f];
      if (term[v] >= 0) {
        out[v] = v;
        nextOut[v] = inherited;
      } else {
        out[v] = inherited;
      }
    }

    this.rootNext = rootNext;
    this.edgeStart = edgeStart;
    this.edgeChar = edgeChar;
    this.edgeTo = edgeTo;
    this.fail = fail;
    this.out = out;
    this.nextOut = nextOut;
    this.term = term.subarray(0, nodes);
    const outPid = new Int32Array(nodes);
    const nextPid = new Int32Array(sorted.length).fill(-1);
    for (let v = 0; v < nodes; v++) {
      const o = out[v];
      outPid[v] = o >= 0 ? term[o] : -1;
      if (term[v] >= 0 && nextOut[v] >= 0) nextPid[term[v]] = term[nextOut[v]];
    }
    this.outPid = outPid;
    this.nextPid = nextPid;
  }

  /** The state after reading unit `c` in state `s` (goto with failure links). */
  next(s: number, c: number): number {
    for (;;) {
      if (s === 0) return this.rootNext[c];
      const t = Automaton.child(this.edgeStart, this.edgeChar, this.edgeTo, s, c);
      if (t >= 0) return t;
      s = this.fail[s];
    }
  }

  static child(
    edgeStart: Int32Array,
    edgeChar: Uint16Array,
    edgeTo: Int32Array,
    s: number,
    c: number,
  ): number {
    let lo = edgeStart[s];
    let hi = edgeStart[s + 1];
    if (hi - lo <= 8) {
      for (; lo < hi; lo++) {
        const e = edgeChar[lo];
        if (e === c) return edgeTo[lo];
        if (e > c) return -1;
      }
      return -1;
    }
    hi--;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const e = edgeChar[mid];
      if (e === c) return edgeTo[mid];
      if (e < c) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /**
   * Every occurrence in units[0..len) as [patternId, end] (end exclusive; longest first at each
   * end). A simple reference scan for tests and tools; the redactor's scan is fused into the
   * normaliser (normalize.ts).
   */
  scan(units: Uint16Array, len: number): [number, number][] {
    const res: [number, number][] = [];
    let s = 0;
    for (let i = 0; i < len; i++) {
      s = this.next(s, units[i]);
      for (let pid = this.outPid[s]; pid >= 0; pid = this.nextPid[pid]) res.push([pid, i + 1]);
    }
    return res;
  }

  /**
   * Raw scan of a string: the number of pattern occurrences, no replacement, no boundaries.
   * Used as the baseline of the benchmark (same automaton, same loop, no bookkeeping).
   */
  countMatches(text: string): number {
    const { rootNext, edgeStart, edgeChar, edgeTo, fail, out, nextOut } = this;
    let s = 0;
    let count = 0;
    const len = text.length;
    for (let i = 0; i < len; i++) {
      const c = text.charCodeAt(i);
      for (;;) {
        if (s === 0) {
          s = rootNext[c];
          break;
        }
        let lo = edgeStart[s];
        const hi = edgeStart[s + 1];
        let t = -1;
        if (hi - lo <= 8) {
          for (; lo < hi; lo++) {
            const e = edgeChar[lo];
            if (e >= c) {
              if (e === c) t = edgeTo[lo];
              break;
            }
          }
        } else {
          t = Automaton.child(edgeStart, edgeChar, edgeTo, s, c);
        }
        if (t >= 0) {
          s = t;
          break;
        }
        s = fail[s];
      }
      let o = out[s];
      while (o >= 0) {
        count++;
        o = nextOut[o];
      }
    }
    return count;
  }
}
