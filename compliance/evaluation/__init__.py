"""How right the checker's verdicts are: the labelled corpus (tests/corpus/) measured."""
