"""Parsing the numbers curators write as the sources do (``22-85%``, ``1-2/100,000``, ``>50 years``)."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

__all__ = ["Range", "ValueProblem", "parse_age", "parse_amount", "parse_frequency", "parse_rate"]


class ValueProblem(ValueError):
    """A value that looks numeric but cannot be what the column means."""


class Range(NamedTuple):
    """A closed range; a point value has ``low == high``; an open bound is ``None``."""

    low: Decimal | None
    high: Decimal | None


_NUMBER = r"\d+(?:[.,]\d+)?"
_RANGE = re.compile(
    rf"^(?P<op>[<>]=?\s*|up to\s+)?(?P<low>{_NUMBER})\s*%?\s*(?:(?:-|–|to)\s*(?P<high>{_NUMBER}))?\s*%?$"
)
_FRACTION = re.compile(r"^(?P<num>\d+)\s*/\s*(?P<den>\d+)$")


def _number(text: str) -> Decimal:
    try:
        return Decimal(text.replace(",", "."))
    except InvalidOperation as exc:  # pragma: no cover - the regexes admit only digits
        raise ValueProblem(f"{text!r} is not a number") from exc


def _range(text: str) -> Range | None:
    match = _RANGE.match(text.strip())
    if not match:
        return None
    low = _number(match["low"])
    high = _number(match["high"]) if match["high"] else low
    op = (match["op"] or "").strip()
    if op.startswith(">"):
        return Range(low, None)
    if op.startswith("<") or op == "up to":
        return Range(None, low)
    if high < low:
        raise ValueProblem(f"range {text!r} has its low bound above its high bound")
    return Range(low, high)


def parse_frequency(text: str) -> Range | None:
    """A frequency as a proportion range 0-1; None for a qualitative one (``common``).

    >>> parse_frequency("22-85%")
    Range(low=Decimal('0.22'), high=Decimal('0.85'))
    >>> parse_frequency("2/3")
    Range(low=Decimal('0.6667'), high=Decimal('0.6667'))
    >>> parse_frequency("common") is None
    True
    """
    text = text.strip()
    fraction = _FRACTION.match(text)
    if fraction:
        value = (Decimal(fraction["num"]) / Decimal(fraction["den"])).quantize(Decimal("0.0001"))
        found = Range(value, value)
    else:
        if "%" not in text:
            if re.search(r"\d", text):
                raise ValueProblem(f"frequency {text!r} has no % sign; write it as in the source, e.g. 43% or 22-85%")
            return None
        percent = _range(text)
        if percent is None:
            raise ValueProblem(f"cannot read frequency {text!r}; write e.g. 43%, 22-85%, >50%")
        found = Range(
            None if percent.low is None else percent.low / 100,
            None if percent.high is None else percent.high / 100,
        )
    for bound in found:
        if bound is not None and not Decimal(0) <= bound <= Decimal(1):
            raise ValueProblem(f"frequency {text!r} is outside 0-100%")
    return found


def parse_amount(text: str) -> Range:
    """A dose amount or count: ``0.75-1.5``, ``2``, ``2-5``.

    >>> parse_amount("0.75-1.5")
    Range(low=Decimal('0.75'), high=Decimal('1.5'))
    """
    found = _range(text)
    if found is None:
        raise ValueProblem(f"cannot read amount {text!r}; write e.g. 2 or 0.75-1.5")
    return found


_AGE_CORE = re.compile(rf"(?:[<>]=?\s*)?{_NUMBER}(?:\s*(?:-|–|to)\s*{_NUMBER})?")


def parse_age(text: str) -> Range | None:
    """An onset age in years: ``1-80 years``, ``>50 years``, ``15 to 75 yrs``; None for ``adult``.

    >>> parse_age(">50 years")
    Range(low=Decimal('50'), high=None)
    """
    core = _AGE_CORE.search(text)
    if core is None:
        return None
    found = _range(core[0])
    if found is None:  # pragma: no cover - _AGE_CORE only finds what _range reads
        raise ValueProblem(f"cannot read age {text!r}; write e.g. 25-60 years or >50 years")
    return found


_RATE = re.compile(r"^(?P<range>[^/]+?)\s*(?:/|per)\s*(?P<per>[\d,.]+)$")


def parse_rate(text: str) -> tuple[Range, Decimal] | None:
    """A population rate ``1-2/100,000`` as (range, per); None if the value is not a rate.

    >>> parse_rate("3-4/1,000,000")
    (Range(low=Decimal('3'), high=Decimal('4')), Decimal('1000000'))
    """
    match = _RATE.match(text.strip())
    if not match:
        return None
    found = _range(match["range"])
    if found is None:
        raise ValueProblem(f"cannot read rate {text!r}; write e.g. 1-2/100,000")
    return found, Decimal(match["per"].replace(",", ""))
