"""scenario.yaml at the parser's edges: each hostile file gets `scenario.yaml:line: what to fix`, never a traceback.

Each case is the tiny pack's scenario.yaml with one hostile change; the expected problem names its line.
"""

from __future__ import annotations

import pytest

from tests.hardening.hostile import YAML, line_of, problems_of, tiny_files, tiny_yaml

CONTROL = "this line holds the control character U+{:04X}, which YAML does not allow; delete it (it often comes with text pasted from a word processor)"
TOO_DEEP = "the data is nested more than {} levels deep here; a scenario needs only a few levels, so look for a bracket left open"


def vertical_tab():
    return tiny_yaml("title: Tiny Town plc", "title: Tiny\x0bTown plc"), 3, CONTROL.format(0x0B)


def nul():
    return tiny_yaml("area: Tiny Town", "area: Tiny\x00Town"), 5, CONTROL.format(0)


def five_thousand_digits():
    yaml = tiny_yaml("total_budget: 1000000", "total_budget: " + "9" * 5000)
    return yaml, 6, "this number has 5,000 digits; no number in a pack needs more than 20"


def brackets_5000_deep():
    yaml = tiny_yaml("injects:\n", "injects: " + "[" * 5000 + "]" * 5000 + "\nold_injects:\n")
    return yaml, line_of(yaml, "injects: [[["), TOO_DEEP.format(64)


def brackets_500_deep():
    yaml = tiny_yaml("injects:\n", "injects: " + "[" * 500 + "]" * 500 + "\nold_injects:\n")
    return yaml, line_of(yaml, "injects: [[["), TOO_DEEP.format(64)


def brackets_40_deep():
    yaml = tiny_yaml("injects:\n", "injects: " + "[" * 40 + "]" * 40 + "\nold_injects:\n")
    return yaml, line_of(yaml, "injects: [[["), TOO_DEEP.format(32)


def brackets_100000_deep_unclosed():
    yaml = tiny_yaml("injects:\n", "injects: " + "[" * 100_000 + "\nold_injects:\n")
    return yaml, line_of(yaml, "injects: [[["), TOO_DEEP.format(64)


def dashes_5000_deep():
    yaml = tiny_yaml("injects:\n", "injects:\n  " + "- " * 5000 + "x\nold_injects:\n")
    return yaml, line_of(yaml, "- - - -"), TOO_DEEP.format(32)


def indented_500_deep():
    nested = "".join(" " * i + f"k{i}:\n" for i in range(500)) + " " * 500 + "end\n"
    yaml = tiny_yaml("injects:\n", "deep:\n" + "\n".join(" " + line for line in nested.splitlines()) + "\ninjects:\n")
    return yaml, line_of(yaml, " " * 31 + "k30:"), TOO_DEEP.format(32)


def duplicate_key():
    yaml = tiny_yaml("area: Tiny Town\n", "area: Tiny Town\narea: Big Town\n")
    return yaml, 6, "'area' is written twice, on lines 5 and 6; keep one"


def duplicate_key_in_braces():
    yaml = tiny_yaml("{id: nhs, name: NHS primary care,", "{id: nhs, name: NHS primary care, name: Hospital,")
    line = line_of(yaml, "id: nhs")
    return yaml, line, f"'name' is written twice, on lines {line} and {line}; keep one"


def list_as_key():
    yaml = tiny_yaml("area: Tiny Town\n", "area: Tiny Town\n? [a, b]\n: c\n")
    return yaml, 6, "a key must be a plain word, not a list or mapping; check the indentation"


def unclosed_list():
    yaml = tiny_yaml("title: Tiny Town plc", "title: [Tiny Town plc")
    return yaml, 3, "this is not valid YAML: the list in [ ] that starts on this line is never closed properly"


def unclosed_quote():
    yaml = b'id: tiny\ntitle: x\nsummary: "never closed\narea: y\n'
    return yaml, 3, "this is not valid YAML: the quoted text that starts on this line is never closed properly"


def two_documents():
    yaml = tiny_yaml("area: Tiny Town\n", "area: Tiny Town\n---\nid: other\n")
    return yaml, 6, "this is not valid YAML (expected a single document in the stream, but found another document)"


HOSTILE_YAML = [
    vertical_tab,
    nul,
    five_thousand_digits,
    brackets_5000_deep,
    brackets_500_deep,
    brackets_40_deep,
    brackets_100000_deep_unclosed,
    dashes_5000_deep,
    indented_500_deep,
    duplicate_key,
    duplicate_key_in_braces,
    list_as_key,
    unclosed_list,
    unclosed_quote,
    two_documents,
]


@pytest.mark.parametrize("hostile", HOSTILE_YAML, ids=lambda f: f.__name__)
def test_a_hostile_scenario_yaml_is_refused_at_its_line(hostile):
    yaml, line, message = hostile()
    (found,) = problems_of(tiny_files(**{YAML: yaml}))
    assert found.startswith(f"{YAML}:{line}: {message}"), found


def test_an_unclosed_list_names_where_it_began_and_where_the_reader_gave_up():
    yaml = b"id: tiny\ntitle: x\nagencies: [council-housing, nhs\nsummary: y\narea: z\n"
    (found,) = problems_of({YAML: yaml})
    assert found.startswith("scenario.yaml:3: this is not valid YAML: the list in [ ] that starts on this line")
    assert "the reader gave up on line 4" in found


def test_a_hundred_thousand_mistakes_give_a_short_list():
    yaml = b"".join(b"k%d: [1, 1]\n" % (i % 2) for i in range(20_000))
    found = problems_of({YAML: yaml})
    assert len(found) == 100 and found[-1] == "hostile: and 19,899 more problems; fix these first"
