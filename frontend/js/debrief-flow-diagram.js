// A flow diagram for the debrief: directorates round a circle, an arrow for
// the money that moved between each two, sized by the amount. Inline SVG, so
// it scales with the screen and reads the same on the big screen.

import { svg } from "./dom.js";
import { bentArrow, labelPlace, ringPositions, wrapWords } from "./ring.js";

const R = 28; // a directorate's circle
const fix = (v) => v.toFixed(1);

/**
 * The curve of one arrow from p to q, `width` thick, the `nth` between the same
 * two: {start, mid, end}. Each bends to its right, a little more for each further arrow.
 */
export function arrowCurve(p, q, width, nth) {
  return bentArrow(p, q, { from: R + 4, to: R + 4 + width * 2.2, bend: 0.14 + 0.12 * nth });
}

function arrowMarks(e, { start, mid, end }, width, idPrefix) {
  const kind = e.muted ? "muted" : "live";
  const arrow = svg("path", {
    d: `M ${fix(start.x)} ${fix(start.y)} Q ${fix(mid.x)} ${fix(mid.y)} ${fix(end.x)} ${fix(end.y)}`,
    class: `flow-arrow flow-arrow-${kind}`, "stroke-width": fix(width), "marker-end": `url(#${idPrefix}-head-${kind})`,
  });
  // The label sits on the curve's midpoint.
  const lx = 0.25 * start.x + 0.5 * mid.x + 0.25 * end.x;
  const ly = 0.25 * start.y + 0.5 * mid.y + 0.25 * end.y;
  const label = svg("text", { x: fix(lx), y: fix(ly + 6), "text-anchor": "middle", class: `flow-amount flow-amount-${kind}` },
    e.muted ? [svg("tspan", { class: "flow-struck" }, e.label), " void"] : e.label);
  return { arrow, label };
}

function nodeMark(d, p) {
  const lines = wrapWords(d.name, 16);
  if (d.note) lines.push(d.note);
  const step = 28;
  const { x, y, anchor } = labelPlace(p, R, lines.length, step);
  return svg("g", { class: `flow-node${d.tone ? ` flow-node-${d.tone}` : ""}` },
    svg("circle", { cx: fix(p.x), cy: fix(p.y), r: R }),
    svg("text", { x: fix(x), y: fix(y), "text-anchor": anchor, class: "flow-label" },
      lines.map((line, i) => svg("tspan", {
        x: fix(x), dy: i ? step : 0, class: d.note && i === lines.length - 1 ? "flow-note" : null,
      }, line))));
}

/**
 * An inline SVG of money moving between directorates. `nodes`: [{id, name, note, tone}]
 * (tone "up", "down" or ""); `edges`: [{source, target, amount, label, muted}];
 * a muted edge (a void transfer) is drawn dashed and grey with its label struck through.
 * Arrow widths follow the amounts. Returns the <svg> (role img, with `label` as its name).
 */
export function flowDiagram({ nodes, edges, idPrefix, label }) {
  const at = ringPositions(nodes.map((d) => d.id), 300, 215);
  const biggest = Math.max(1, ...edges.map((e) => e.amount));
  const seen = new Map(); // how many arrows are already drawn between each two
  const markers = ["live", "muted"].map((kind) => svg("marker", {
    id: `${idPrefix}-head-${kind}`, viewBox: "0 0 10 10", refX: "7", refY: "5",
    markerWidth: "4", markerHeight: "4", orient: "auto-start-reverse",
  }, svg("path", { d: "M 0 0 L 10 5 L 0 10 z", class: `flow-head flow-head-${kind}` })));
  const marks = edges.filter((e) => at.has(e.source) && at.has(e.target)).map((e) => {
    const pairKey = [e.source, e.target].sort().join("|");
    const nth = seen.get(pairKey) || 0;
    seen.set(pairKey, nth + 1);
    const width = 2.5 + 9 * (e.amount / biggest);
    return arrowMarks(e, arrowCurve(at.get(e.source), at.get(e.target), width, nth), width, idPrefix);
  });
  return svg("svg", { class: "flow-map", viewBox: "-600 -320 1200 640", role: "img", "aria-label": label },
    svg("defs", {}, markers), marks.map((m) => m.arrow), nodes.map((d) => nodeMark(d, at.get(d.id))), marks.map((m) => m.label));
}
