"""Prototype: the candidate model on the packs' data, boards after 1 and 5 years."""
import random, statistics, sys
from types import SimpleNamespace as NS
import yaml
from app.domain.model_facts import PreventionFacts, LeverFacts, Stocks
from app.domain import model_v2 as m

def facts(path, params):
    s = yaml.safe_load(open(path))
    owners = {}
    for d in s["directorates"]:
        for t in d.get("targets", []):
            owners.setdefault(t["indicator"], d["id"])
    inds = []
    for i in s["indicators"]:
        b = i["baseline"]
        lo, hi = (max(0, b * 0.5), b * 1.5)
        if "%" in i["unit"]: hi = min(100, hi)
        inds.append(NS(id=i["id"], name=i["name"], unit=i["unit"], better=i["better"], owner=owners.get(i["id"]), baseline=b,
                       heading=i["heading"], low=lo, high=hi, half_life=params.get("half_life", 1.5)))
    srcs = sorted({x["source"] for x in s["exported_costs"]})
    return NS(directorates=[NS(id=d["id"], budget=d["budget"]["total"]) for d in s["directorates"]],
              indicators=inds, exported_costs=[NS(**x) for x in s["exported_costs"]],
              prevention=[PreventionFacts(x, params["p"], params["ret"], params["lag"]) for x in srcs],
              levers=[], funds=[], drift=params["drift"], heading_weights={})

def play(f, ledger, years):
    rounds = [(12, m.Decisions(dict(ledger)))] * years
    return m.run(f, rounds)[-1].dividend

def holistic(f):
    led = {d.id: d.budget for d in f.directorates}
    for x in f.exported_costs:
        amt = int(m.gap(f, x.source) * x.annual_cost / m.exports(f, x.source))
        led[x.target] -= amt; led[x.source] += amt
    return led

def moved(led, a, b, amt):
    led = dict(led); led[a] -= amt; led[b] += amt; return led

def degenerate(f):
    base = {d.id: d.budget for d in f.directorates}
    ids = list(base); srcs = sorted({x.source for x in f.exported_costs})
    h = holistic(f)
    for x in ids:
        for y in ids:
            if x == y: continue
            yield f"abolish {x}->{y}", moved(base, x, y, base[x])
            yield f"drain {x}->{y}", moved(base, x, y, int(base[x]*0.9))
            yield f"halve {x}->{y}", moved(base, x, y, base[x]//2)
            yield f"holistic+strip {x}->{y}", moved(h, x, y, h[x])
        allone = {d: 0 for d in ids}; allone[x] = sum(base.values())
        yield f"all to {x}", allone

def random_boards(f, n, rng):
    base = {d.id: d.budget for d in f.directorates}; ids = list(base)
    for _ in range(n):
        led = dict(base)
        for _ in range(rng.randint(1, 4)):
            a, b = rng.sample(ids, 2)
            led = moved(led, a, b, int(led[a] * rng.uniform(0.05, 0.3)))
        yield led

def report(path, params):
    f = facts(path, params)
    base = {d.id: d.budget for d in f.directorates}
    rng = random.Random(1)
    for years in (1, 5, 20):
        nothing = play(f, base, years); hol = play(f, holistic(f), years)
        worst = max(((play(f, led, years), name) for name, led in degenerate(f)))
        rnd = [play(f, led, years) for led in random_boards(f, 200, rng)]
        print(f"  {years:2}y nothing {nothing:7.2f} holistic {hol:7.2f} best-degenerate {worst[0]:7.2f} ({worst[1]}) "
              f"random median {statistics.median(rnd):7.2f} beat-nothing {sum(r > nothing for r in rnd)/len(rnd):.0%} beat-hol {sum(r > hol for r in rnd)/len(rnd):.0%}")

if __name__ == "__main__":
    params = dict(p=0.6, ret=1.6, lag=1.0, drift=0.03)
    for kv in sys.argv[1:]:
        k, v = kv.split("="); params[k] = float(v)
    for path in ["scenarios/kilnbrook/scenario.yaml", "scenarios/marram-bay/scenario.yaml", "tests/packs/tiny/scenario.yaml"]:
        print(path, params); report(path, params)
