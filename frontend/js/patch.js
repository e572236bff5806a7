// Keeping a page's copy of its view up to date from the server's deltas (docs/protocol.md): pure functions,
// with no DOM and no socket, so they run under `node --test` (tests/js) as they do in the browser.
//
// A delta's `patch` is JSON Patch (RFC 6902) using only add, remove and replace. Applying it copies only
// what it changes (each object or array on the way to a change) and shares everything else with the
// previous view, so a page may compare a part of the old and new views by identity to see whether it
// changed. Views are shared that way: pages must not change them.

export class PatchError extends Error {}

function steps(path) {
  if (path === "") return [];
  if (typeof path !== "string" || !path.startsWith("/")) throw new PatchError(`not a JSON Pointer: ${path}`);
  return path.slice(1).split("/").map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));
}

function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function index(array, step, adding) {
  if (!/^(0|[1-9][0-9]*)$/.test(step)) throw new PatchError(`not an array index: ${step}`);
  const i = Number(step);
  if (i > array.length || (i === array.length && !adding)) throw new PatchError(`index ${i} is out of range`);
  return i;
}

function child(container, step) {
  if (Array.isArray(container)) return container[index(container, step, false)];
  if (isObject(container) && Object.hasOwn(container, step)) return container[step];
  throw new PatchError(`no member ${step}`);
}

/** Takes a container and returns a shallow copy of it, the one place a change is made. */
function copyOf(container) {
  return Array.isArray(container) ? container.slice() : { ...container };
}

/** Applies one operation at `path` (already split) inside `node`; returns the new node. */
function applyAt(node, path, op) {
  const [step, ...rest] = path;
  if (Array.isArray(node) || isObject(node)) {
    const copy = copyOf(node);
    if (rest.length) {
      const i = Array.isArray(node) ? index(node, step, false) : step;
      copy[i] = applyAt(child(node, step), rest, op);
      return copy;
    }
    return applyLast(copy, step, op);
  }
  throw new PatchError(`${op.path} goes through a value that is neither an object nor an array`);
}

function applyLast(copy, step, op) {
  if (Array.isArray(copy)) {
    const i = index(copy, step, op.op === "add");
    if (op.op === "add") copy.splice(i, 0, op.value);
    else if (op.op === "remove") copy.splice(i, 1);
    else copy[i] = op.value;
    return copy;
  }
  if (op.op !== "add" && !Object.hasOwn(copy, step)) throw new PatchError(`no member ${step} to ${op.op}`);
  if (op.op === "remove") delete copy[step];
  else copy[step] = op.value;
  return copy;
}

/** Takes a JSON value and a patch; returns the patched value, leaving the given one as it was. */
export function applyPatch(document, patch) {
  if (!Array.isArray(patch)) throw new PatchError("a patch is a list of operations");
  let result = document;
  for (const op of patch) {
    if (!op || !["add", "remove", "replace"].includes(op.op)) throw new PatchError(`not an operation: ${op?.op}`);
    if (op.op !== "remove" && !Object.hasOwn(op, "value")) throw new PatchError(`${op.op} without a value`);
    const path = steps(op.path);
    if (!path.length) {
      if (op.op === "remove") throw new PatchError("cannot remove the whole document");
      result = op.value;
    } else {
      result = applyAt(result, path, op);
    }
  }
  return result;
}

/**
 * One connection's stream of views: a `sync` starts it with the whole view (and `n`, 0); each `delta`
 * must carry the next `n` and a patch that fits. `delta` returns the new whole view, or null when the
 * copy can no longer be trusted (a number skipped, a patch that does not fit, no sync yet): the caller
 * then asks the server for a fresh sync, and the stream takes no more deltas until it has one.
 */
export class ViewStream {
  constructor() {
    this.view = null;
    this.n = null;
  }

  sync(msg) {
    this.view = msg.view;
    this.n = typeof msg.n === "number" ? msg.n : 0;
    return this.view;
  }

  delta(msg) {
    if (this.view === null || msg.n !== this.n + 1) return this.lost();
    try {
      this.view = applyPatch(this.view, msg.patch);
    } catch (error) {
      if (error instanceof PatchError || error instanceof TypeError) return this.lost();
      throw error;
    }
    this.n = msg.n;
    return this.view;
  }

  lost() {
    this.view = null;
    this.n = null;
    return null;
  }
}
