"""What reading one entry of the paper's own list gives: its form, type and located fields."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Parsed:
    """What one entry holds: its form, its type, and (name, value, start, end) per field."""

    form: str
    entry_type: str
    fields: tuple[tuple[str, str, int, int], ...]
    # The tagger's confidence in each field it read, and in the absence of each field a check
    # asks for that it did not find (empty from the rules, which have no probabilities).
    confidence: tuple[tuple[str, float], ...] = field(default=())

    def get(self, name: str) -> str | None:
        for key, value, _, _ in self.fields:
            if key == name:
                return value
        return None
