// The reflection form: a 1 (poor) to 5 (excellent) choice for each feature of
// partnership working, and a comment. Built once for the features the view
// names; the person's own answer is put back into it after a reload or sending.

import { h } from "./dom.js";
import { SCORE_WORDS, featureName } from "./reflect-results.js";

function ratingGroup(f) {
  const name = featureName(f.label);
  const rest = f.label.slice(name.length).replace(/^:\s*/, "");
  return h("fieldset", { class: "rating", id: `feature-${f.id}` },
    h("legend", {}, h("strong", {}, name), rest ? h("span", { class: "legend-detail" }, `: ${rest}`) : null),
    h("div", { class: "scale" }, [1, 2, 3, 4, 5].map((n) => {
      const id = `rate-${f.id}-${n}`;
      // The whole box is the label, so a click anywhere in it chooses the score.
      return h("label", { class: "choice", for: id },
        h("input", { type: "radio", id, name: `rate-${f.id}`, value: String(n), "data-key": id }),
        h("span", {}, SCORE_WORDS[n]));
    })));
}

/**
 * Takes the ratings' container and the comment field; returns {features, build(list),
 * fillIn(mine), chosen()}. The form's nodes are the person's: a view never redraws
 * them, only a change in the features themselves does.
 */
export function reflectionForm(ratings, comment) {
  let features = [];
  const inputs = (f) => ratings.querySelectorAll(`input[name="rate-${CSS.escape(f.id)}"]`);
  return {
    get features() { return features; },
    build(list) {
      const wanted = JSON.stringify(list.map((f) => [f.id, f.label]));
      if (ratings.dataset.built === wanted) return;
      ratings.dataset.built = wanted;
      features = list.map((f) => ({ id: f.id, label: f.label }));
      ratings.replaceChildren(...features.map(ratingGroup));
    },
    fillIn(mine) {
      for (const f of features) {
        for (const input of inputs(f)) input.checked = Number(input.value) === mine?.ratings?.[f.id];
      }
      comment.value = mine?.comment || "";
    },
    chosen() {
      const found = {};
      for (const f of features) {
        const checked = [...inputs(f)].find((input) => input.checked);
        if (checked) found[f.id] = Number(checked.value);
      }
      return found;
    },
  };
}
