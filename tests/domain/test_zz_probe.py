from collections import Counter
from hypothesis import given, settings, event, strategies as st
from app.domain.errors import RuleViolation
from .builders import board_game, meeting_command, meeting_moves
@settings(max_examples=150, deadline=None)
@given(st.integers(0, 100), meeting_moves(["housing", "health", "safety", "education"]))
def test_probe(seed, moves):
    g = board_game(seed=seed)
    n = Counter()
    for m in moves:
        cmd, actor = meeting_command(g, m)
        try:
            for e in g.do(cmd, actor): n[e.type] += 1
        except RuleViolation as r:
            n["refused"] += 1
            if "tied" in str(r): n["tierefused"]+=1
    for k in n: event(f"{k}>0")
    event(f"transferred={min(n['budget-transferred'],3)}")
    event(f"closed={min(n['vote-closed'],3)}")
    event(f"notcarriedout={any('Not' in m.note for m in g.state.motions.values())}")
