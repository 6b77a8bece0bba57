"""Human-readable views of exercises and programs for the terminal."""

from __future__ import annotations

import textwrap

from rich.table import Table
from rich.text import Text

from runlift.domain.exercise import Exercise
from runlift.domain.program import IntOrRange, Program, ProgramItem
from runlift.domain.rules import source_title
from runlift.entrypoints.text.table import table as text_table
from runlift.entrypoints.text.table import words
from runlift.services.search import Hit


def kit_label(exercise: Exercise) -> str:
    """'bodyweight', or the alternatives joined by ' or ' (items of one option by '+')."""
    labels = []
    for option in exercise.equipment_options:
        labels.append("+".join(sorted(words(e.value) for e in option)) if option else "bodyweight")
    return " or ".join(labels)


def dose_label(
    sets: IntOrRange, reps: IntOrRange | None, seconds: int | None, per_side: bool
) -> str:
    """'3 x 8-12 per side', '3 x 45 s', in the way coaches write it."""
    amount = f"{_span(reps)}" if reps is not None else f"{seconds} s" if seconds else "-"
    side = " per side" if per_side else ""
    return f"{_span(sets)} x {amount}{side}"


def _span(value: IntOrRange | None) -> str:
    if isinstance(value, tuple):
        low, high = value
        return str(low) if low == high else f"{low}-{high}"
    return "" if value is None else str(value)


def short_kit(exercise: Exercise) -> str:
    """Kit alternatives separated by '/', 'none' for bodyweight: fits a narrow column."""
    return " / ".join(
        "+".join(sorted(e.value for e in option)) if option else "none"
        for option in exercise.equipment_options
    )


def exercise_table(exercises: list[Exercise]) -> str:
    """One row per exercise: slug (what to type), category, level, main muscles, kit.

    Levels and kit are shown in forms the filters accept back ('beg', 'mini band').
    """
    rows = [
        (
            e.slug,
            words(e.category.value),
            e.level.value[:3],
            ", ".join(words(m.value) for m in e.primary_muscles),
            words(short_kit(e)),
        )
        for e in exercises
    ]
    headers = ("slug", "category", "level", "primary muscles", "kit")
    return text_table(headers, rows, wrap=(3, 4))


def search_table(hits: list[Hit]) -> Table:
    """Search results, best first, with the score that ranked them."""
    table = Table(box=None, pad_edge=False, header_style="bold")
    table.add_column("slug", no_wrap=True)
    table.add_column("score", no_wrap=True, justify="right")
    for column in ("primary muscles", "kit"):
        table.add_column(column, overflow="fold")
    for hit in hits:
        e = hit.exercise
        muscles = ", ".join(words(m.value) for m in e.primary_muscles)
        table.add_row(e.slug, f"{hit.score:.1f}", muscles, words(short_kit(e)))
    return table


TEXT_WIDTH = 80


def _wrap(line: str) -> list[str]:
    """Wrap at 80 columns with a hanging indent, so numbered steps stay readable."""
    stripped = line.lstrip(" ")
    indent = " " * (len(line) - len(stripped))
    marker = stripped.split(" ", 1)[0] + " " if stripped[:1] in "-0123456789" else ""
    hanging = indent + " " * len(marker)
    return textwrap.wrap(line, TEXT_WIDTH, subsequent_indent=hanging, break_long_words=False) or [
        ""
    ]


def _wrapped(lines: list[str]) -> Text:
    return Text("\n".join(part for line in lines for part in _wrap(line)))


def exercise_text(e: Exercise) -> Text:
    """Everything a runner needs to do the exercise well, as plain text."""
    d = e.default
    lines = [
        f"{e.name} ({e.slug})",
        f"Category: {words(e.category.value)}; "
        f"patterns: {', '.join(words(p.value) for p in e.patterns)}",
        f"Primary muscles: {', '.join(words(m.value) for m in e.primary_muscles)}",
    ]
    if e.secondary_muscles:
        lines.append(f"Secondary muscles: {', '.join(words(m.value) for m in e.secondary_muscles)}")
    lines += [
        f"Kit: {kit_label(e)}",
        f"Level: {e.level.value}; max intensity: {e.max_intensity.value}; "
        f"impact: {e.impact.value}; "
        f"{'one side at a time' if e.unilateral else 'both sides together'}",
        f"Typical dose: {dose_label(d.sets, d.reps, d.seconds, d.per_side)}, "
        f"rest {d.rest_seconds} s",
    ]
    if e.injuries:
        lines.append(f"Helps with: {', '.join(words(i.value) for i in e.injuries)}")
    if e.aliases:
        lines.append(f"Also called: {'; '.join(e.aliases)}")
    lines.append("")
    lines.append("How to do it:")
    lines += [f"  {n}. {step}" for n, step in enumerate(e.steps, start=1)]
    for title, entries in (("Cues", e.cues), ("Common mistakes", e.mistakes)):
        if entries:
            lines.append(f"{title}:")
            lines += [f"  - {entry}" for entry in entries]
    for title, slugs in (("Easier", e.easier), ("Harder", e.harder)):
        if slugs:
            lines.append(f"{title}: {', '.join(slugs)}")
    if e.replaced_by:
        lines.append(f"Deprecated: use {e.replaced_by} instead")
    lines.append(f"Sources: {'; '.join(source_title(s) for s in e.sources)}")
    return _wrapped(lines)


def program_table(programs: list[Program]) -> Table:
    """One row per program: slug, name, exercise count, source."""
    table = Table(box=None, pad_edge=False, header_style="bold")
    for column in ("slug", "name", "exercises", "rounds", "source"):
        table.add_column(column, overflow="fold")
    for p in programs:
        source = source_title(p.sources[0])
        table.add_row(p.slug, p.name, str(len(p.exercise_slugs())), str(p.rounds), source)
    return table


def _item_line(item: ProgramItem, names: dict[str, str]) -> str:
    name = names.get(item.exercise, item.exercise)
    if item.distance_m is not None:
        dose = f"{_span(item.sets)} x {item.distance_m} m"
    else:
        dose = dose_label(item.sets, item.reps, item.seconds, item.per_side)
    line = f"  {name}: {dose}, rest {_span(item.rest_seconds)} s"
    return f"{line} ({item.note})" if item.note else line


def program_text(program: Program, names: dict[str, str]) -> Text:
    """A program as a printable workout card."""
    lines = [f"{program.name} ({program.slug})", program.summary]
    if program.frequency:
        lines.append(f"How often: {program.frequency}")
    if program.rounds > 1:
        rest = _span(program.rest_between_rounds) if program.rest_between_rounds else "0"
        lines.append(f"Rounds: {program.rounds}, rest {rest} s between rounds")
    for block in program.blocks:
        lines.append("")
        lines.append(block.title or block.kind.value.replace("_", " ").capitalize())
        lines += [_item_line(item, names) for item in block.items]
    if program.notes:
        lines.append("")
        lines += [f"Note: {note}" for note in program.notes]
    lines.append(f"Sources: {'; '.join(source_title(s) for s in program.sources)}")
    return _wrapped(lines)
