"""The inputs that found the outside tester's findings (issue 20), as a table and as hypothesis
strategies, shared by the fuzz of every form (test_fuzz_hostile_inputs.py) and of the webhook
receiver (tests/webhooks/test_webhooks_hostile_input.py).

Lone surrogates cannot be encoded as UTF-8: a form carries them as their WTF-8 bytes (what a
hostile client can send, `%ED%A0%80`), a JSON body as its `\\ud800` escape (valid JSON that no
database stores)."""

from urllib.parse import quote

from hypothesis import strategies as st

HOSTILE_VALUES = {
    "control characters": "a\x01\x02\x1b[31mb\x7f\x9f",
    "line breaks": "first\r\nsecond\nthird\u2028fourth",
    "bidi override": "\u202egnp.exe",
    "NUL byte": "a\x00b",
    "lone surrogate": "\ud800",
    "lone low surrogate": "x\udfffy",
    "309-digit number": "9" * 309,
    "overflowing float": "1e309",
    "minus one": "-1",
    "huge negative number": "-" + "9" * 400,
    "10,000 characters": "A" * 10_000,
    "10,000 multibyte characters": "€" * 10_000,
    "markup": '"><script>alert(1)</script>',
    "empty": "",
}

# Characters of the categories the findings came from: control (Cc), format (Cf: bidi
# overrides), line and paragraph separators (Zl, Zp) and surrogates (Cs).
_odd_characters = st.characters(categories=["Cc", "Cf", "Zl", "Zp", "Cs"])
hostile_text = st.one_of(
    st.sampled_from(list(HOSTILE_VALUES.values())),
    st.text(alphabet=_odd_characters, min_size=1, max_size=20),
    st.builds(lambda a, b: f"{a}\x00{b}", st.text(max_size=10), st.text(max_size=10)),
    st.integers(min_value=-(10**400), max_value=10**400).map(str),
    st.builds(lambda s, n: s * n, st.text(min_size=1, max_size=2), st.integers(5_000, 10_000)),
)

# Raw JSON number literals: what json.loads turns into inf, a 5,000-digit int (over Python's
# int-to-str limit) or NaN.
HOSTILE_JSON_NUMBERS = ["1e309", "-1e309", "9" * 5000, "-" + "9" * 400, "NaN", "Infinity", "-0"]


def form_body(data: dict[str, str | list[str]]) -> str:
    """An application/x-www-form-urlencoded body, surrogates as their WTF-8 bytes."""

    def enc(text: str) -> str:
        return quote(text.encode("utf-8", "surrogatepass"), safe="")

    pairs = []
    for name, value in data.items():
        for one in value if isinstance(value, list) else [value]:
            pairs.append(f"{enc(name)}={enc(one)}")
    return "&".join(pairs)
