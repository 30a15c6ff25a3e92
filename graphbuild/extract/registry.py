"""The extraction rules, registered by name with their confidence.

A rule is a function decorated with :func:`clause_rule` (it reads a verb's clause) or
:func:`noun_rule` (it reads a sentence's noun phrases); registration order is the order rules run,
and the first rule to read a fact in a sentence keeps it.

>>> sorted(CLAUSE_RULES)[:2]
['accused_of_gerund', 'nominal_predicate']
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["CLAUSE_RULES", "NOUN_RULES", "Rule", "clause_rule", "confidence_of", "noun_rule"]


@dataclass(frozen=True)
class Rule:
    """A named extraction rule and the confidence of what it reads."""

    name: str
    function: Callable
    confidence: float


CLAUSE_RULES: dict[str, Rule] = {}
NOUN_RULES: dict[str, Rule] = {}


def _register(table: dict[str, Rule], confidence: float):
    def decorate(function: Callable) -> Callable:
        if function.__name__ in CLAUSE_RULES or function.__name__ in NOUN_RULES:
            raise ValueError(f"an extraction rule named {function.__name__!r} is already registered")
        table[function.__name__] = Rule(function.__name__, function, confidence)
        return function
    return decorate


def clause_rule(confidence: float):
    """Register a clause rule: ``(clause, args) -> (predicate, subject, object, text, kind)``."""
    return _register(CLAUSE_RULES, confidence)


def noun_rule(confidence: float):
    """Register a noun-phrase rule: ``(sentence, index) -> Link``."""
    return _register(NOUN_RULES, confidence)


def confidence_of(name: str) -> float:
    """The base confidence of the rule called ``name``."""
    rule = CLAUSE_RULES.get(name) or NOUN_RULES.get(name)
    if rule is None:
        raise KeyError(f"no extraction rule named {name!r}; registered: {sorted(CLAUSE_RULES) + sorted(NOUN_RULES)}")
    return rule.confidence
