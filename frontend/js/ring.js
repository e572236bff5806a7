// Directorates placed round an ellipse, as the budget-flow diagram and the extra 10% map draw them.

/** Takes a long name; returns lines of about `width` characters, broken at spaces. */
export function wrapWords(text, width = 16) {
  const lines = [];
  for (const word of String(text).split(/\s+/)) {
    const last = lines[lines.length - 1];
    if (last && `${last} ${word}`.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** Takes ids and the ellipse's radii; returns id -> {x, y, angle}, the first at the top, clockwise. */
export function ringPositions(ids, rx, ry) {
  const n = ids.length || 1;
  return new Map(ids.map((id, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
    return [id, { x: rx * Math.cos(angle), y: ry * Math.sin(angle), angle }];
  }));
}

/**
 * Where a node's label goes so it never sits on the circle of radius `r`: beside it on the left and
 * right, above it at the top, below it at the bottom. Returns {x, y, anchor} for the first line.
 */
export function labelPlace(p, r, lineCount, step) {
  const cos = Math.cos(p.angle);
  if (Math.abs(cos) >= 0.3) {
    return { x: p.x + Math.sign(cos) * (r + 10), y: p.y + 6 - ((lineCount - 1) * step) / 2,
      anchor: cos > 0 ? "start" : "end" };
  }
  const y = Math.sin(p.angle) < 0 ? p.y - r - 12 - (lineCount - 1) * step : p.y + r + 24;
  return { x: p.x, y, anchor: "middle" };
}

/**
 * A curved arrow between two nodes: {start, mid, end} of a quadratic curve that leaves `p` `from` away from
 * its centre, stops `to` short of `q`'s and bends to its right by `bend` of the distance between them, so
 * two arrows between the same nodes, one each way, never lie on one another.
 */
export function bentArrow(p, q, { from, to, bend }) {
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  const start = { x: p.x + ux * from, y: p.y + uy * from };
  const end = { x: q.x - ux * to, y: q.y - uy * to };
  const mid = { x: (start.x + end.x) / 2 - uy * bend * len, y: (start.y + end.y) / 2 + ux * bend * len };
  return { start, mid, end };
}
