"""The debrief's charts keep their words apart: after a played Kilnbrook day no two labels of one chart overlap,
on the trainer's debrief page and on the big screen at both sizes. Chart.js draws on a canvas, so its labels'
boxes come from the chart itself (each tick label and legend item as drawn); the SVG maps' labels are in the page."""

from playwright.sync_api import expect

from tests.browser.test_projector_fits import DEBRIEF_STAGES, Day

# Every label's box in page coordinates, grouped by the chart it belongs to.
LABEL_BOXES = """() => {
  const groups = [];
  const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  for (const canvas of document.querySelectorAll("canvas")) {
    const chart = window.Chart?.getChart(canvas);
    if (!chart || !visible(canvas)) continue;
    chart.resize(); // lays the chart out for its box now, as its resize observer would a moment later
    const page = canvas.getBoundingClientRect();
    const boxes = [];
    const ctx = chart.ctx;
    for (const scale of Object.values(chart.scales)) {
      if (!scale.options.display || !scale.options.ticks.display) continue;
      for (const item of scale.getLabelItems()) {
        const lines = [item.label].flat().map(String);
        ctx.save();
        ctx.font = item.font.string;
        const width = Math.max(...lines.map((line) => ctx.measureText(line).width));
        ctx.restore();
        const lh = item.font.lineHeight;
        const { translation: [tx, ty], rotation, textAlign, textBaseline } = item.options;
        const x0 = textAlign === "center" ? -width / 2 : textAlign === "right" ? -width : 0;
        const lift = { middle: lh / 2, top: 0, bottom: lh, hanging: 0 }[textBaseline] ?? lh * 0.8;
        const y0 = item.textOffset - lift;
        const corners = [[x0, y0], [x0 + width, y0], [x0, y0 + lh * lines.length], [x0 + width, y0 + lh * lines.length]]
          .map(([x, y]) => [tx + x * Math.cos(rotation) - y * Math.sin(rotation), ty + x * Math.sin(rotation) + y * Math.cos(rotation)]);
        const xs = corners.map((c) => c[0]);
        const ys = corners.map((c) => c[1]);
        boxes.push({ text: lines.join(" "), left: page.left + Math.min(...xs), right: page.left + Math.max(...xs),
          top: page.top + Math.min(...ys), bottom: page.top + Math.max(...ys) });
      }
    }
    if (chart.legend?.options.display) {
      chart.legend.legendHitBoxes.forEach((b, i) => boxes.push({
        text: chart.legend.legendItems[i]?.text || "", left: page.left + b.left, right: page.left + b.left + b.width,
        top: page.top + b.top, bottom: page.top + b.top + b.height }));
    }
    groups.push({ chart: canvas.getAttribute("aria-label"), boxes });
  }
  for (const map of document.querySelectorAll("svg.flow-map, svg.ten-map")) {
    if (!visible(map)) continue;
    const boxes = [...map.querySelectorAll("text")].map((t) => {
      const r = t.getBoundingClientRect();
      return { text: t.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    });
    groups.push({ chart: map.getAttribute("aria-label") || map.getAttribute("class"), boxes });
  }
  return groups;
}"""


def overlaps(groups, where: str) -> list[str]:
    """Each pair of labels in one chart whose boxes intersect (by more than a pixel), in words."""
    found = []
    for group in groups:
        boxes = [b for b in group["boxes"] if b["text"].strip()]
        for i, a in enumerate(boxes):
            for b in boxes[i + 1 :]:
                across = min(a["right"], b["right"]) - max(a["left"], b["left"])
                down = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
                if across > 1 and down > 1:
                    found.append(f"{where}, {group['chart']}: “{a['text']}” overlaps “{b['text']}”")
    return found


def test_no_two_labels_of_a_debrief_chart_overlap(day_server, new_context):
    day = Day(day_server, new_context)
    day.play()
    found, charts = [], 0

    debrief = day.trainer.new_page()
    debrief.set_viewport_size({"width": 1366, "height": 768})
    debrief.goto(f"{day.base}/trainer/{day.code}/debrief")
    expect(debrief.get_by_text("Residents' dividend after 1 year:")).to_be_visible()
    expect(debrief.locator("#reflection-section canvas")).to_be_visible()
    groups = debrief.evaluate(LABEL_BOXES)
    charts += len(groups)
    found += overlaps(groups, "trainer's debrief")

    # Opening the debrief on the projector from here puts its first chart on the big screen.
    with debrief.expect_popup() as opened:
        debrief.get_by_role("link", name="Open this debrief on the projector").click()
    expect(opened.value.get_by_role("region", name="The residents' dividend")).to_be_visible()
    expect(opened.value.get_by_role("region", name="Who spoke")).to_be_hidden()
    assert day.view()["session"]["stage"] == "debrief"

    for stage, part in DEBRIEF_STAGES:
        if day.view()["session"]["stage"] != stage:  # the first is there already
            day.run(day.trainer, type="set-stage", stage=stage)
        for size, page in day.screens.items():
            expect(page.locator(f'body[data-stage="{stage}"]')).to_be_attached()
            expect(page.locator(part).first).to_be_visible()
            groups = page.evaluate(LABEL_BOXES)
            charts += len(groups)
            found += overlaps(groups, f"projector {stage} at {size}")
    assert charts > 30  # every chart of the debrief was measured: the trainer's page's and each big-screen stage's
    assert found == [], "\n".join(found)
