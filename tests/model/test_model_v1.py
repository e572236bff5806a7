"""The first consequences model (version 1), kept to replay sessions recorded before version 2: its old
properties still hold, so old sessions show what they showed."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.consequences.model_v1 import advance, effective, flows, gap, run
from app.scenarios.loader import facts, load_folder

SHIPPED = sorted(
    p for p in (Path(__file__).resolve().parents[2] / "scenarios").iterdir() if (p / "scenario.yaml").exists()
)
SCENARIOS = {p.name: facts(load_folder(p)) for p in SHIPPED}


def budgets(s):
    return {d.id: d.budget for d in s.directorates}


def moved(ledger, source, target, amount):
    out = dict(ledger)
    out[source] -= amount
    out[target] += amount
    return out


def exporters(s):
    return {x.source for x in s.exported_costs}


def year(s, ledger):
    return advance(s, None, ledger, 12)


@pytest.mark.parametrize("name", SCENARIOS)
def test_leaving_every_budget_alone_keeps_the_neighbourhood_where_it_was(name):
    s = SCENARIOS[name]
    result = year(s, budgets(s))
    assert result.dividend == pytest.approx(100)
    assert all(v.value == pytest.approx(v.baseline) for v in result.indicators)
    assert sum(f.amount for f in result.flows) == sum(x.annual_cost for x in s.exported_costs)


@pytest.mark.parametrize("name", SCENARIOS)
def test_funding_the_source_of_each_exported_cost_raises_the_dividend(name):
    """The non-zero-sum lesson: money from a directorate that exports nothing, into the source of a
    modelled exported cost, leaves the residents better off than leaving it where it was."""
    s = SCENARIOS[name]
    start = budgets(s)
    donors = [d for d in start if d not in exporters(s)] or list(start)
    for link in s.exported_costs:
        donor = next(d for d in donors if d != link.source)
        amount = int(min(gap(s, link.source), start[donor]) // 2) or 1
        assert year(s, moved(start, donor, link.source, amount)).dividend > year(s, start).dividend


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(sorted(SCENARIOS)), st.data())
def test_a_board_that_acts_on_the_links_beats_one_that_protects_its_budgets(name, data):
    s = SCENARIOS[name]
    start = budgets(s)
    donors = [d for d in start if d not in exporters(s)]
    if not donors:
        return
    donor = data.draw(st.sampled_from(donors))
    source = data.draw(st.sampled_from(sorted(exporters(s))))
    amount = data.draw(st.integers(1, int(min(gap(s, source), start[donor]))))
    acting = run(s, ((12, moved(start, donor, source, amount)),))
    protecting = run(s, ((12, start),))
    assert acting[-1].dividend > protecting[-1].dividend


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(sorted(SCENARIOS)), st.data())
def test_money_is_neither_made_nor_lost_and_the_same_decisions_give_the_same_results(name, data):
    s = SCENARIOS[name]
    ledger = budgets(s)
    ids = sorted(ledger)
    for _ in range(data.draw(st.integers(0, 6))):
        source, target = data.draw(st.sampled_from(ids)), data.draw(st.sampled_from(ids))
        amount = data.draw(st.integers(0, ledger[source]))
        ledger = moved(ledger, source, target, amount)
    assert sum(ledger.values()) == sum(budgets(s).values())
    result = year(s, ledger)
    assert sum(result.effective.values()) == pytest.approx(sum(ledger.values()) - sum(result.imported.values()))
    assert year(s, dict(ledger)) == result
    assert all(0 <= f.amount <= 2 * f.baseline for f in result.flows)


@pytest.mark.parametrize("name", SCENARIOS)
def test_every_cost_is_explained_by_the_link_that_causes_it(name):
    s = SCENARIOS[name]
    link = s.exported_costs[0]
    starved = moved(budgets(s), link.source, link.target, int(gap(s, link.source) // 2))
    found = [f for f in flows(s, starved) if (f.source, f.target) == (link.source, link.target)]
    assert found[0].amount > link.annual_cost and found[0].because == link.because
    assert effective(s, starved)[link.target] < starved[link.target]


def test_quarters_add_up_to_the_year_for_a_steady_budget():
    s = SCENARIOS[sorted(SCENARIOS)[0]]
    start = budgets(s)
    donor = next(d for d in start if d not in exporters(s))
    source = sorted(exporters(s))[0]
    ledger = moved(start, donor, source, int(gap(s, source) // 4))
    quarters = run(s, tuple((3, ledger) for _ in range(4)))
    whole = run(s, ((12, ledger),))
    assert quarters[-1].months == whole[-1].months == 12
    assert quarters[-1].dividend == pytest.approx(whole[-1].dividend, rel=0.01)
    assert quarters[-1].dividend > 100
