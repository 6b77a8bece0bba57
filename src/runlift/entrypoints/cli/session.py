"""`runlift session`: the day's session in the terminal, each set saved the moment it is typed."""

from __future__ import annotations

import math
import shlex
import textwrap
import time

import typer
from rich.console import Console
from rich.live import Live
from rich.text import Text
from typer.exceptions import Abort

from runlift.domain.library import Library
from runlift.entrypoints.cli import quick_entry
from runlift.entrypoints.cli.common import ATHLETE, parse_date
from runlift.entrypoints.cli.context import athlete_name, core
from runlift.entrypoints.cli.errors import options_named
from runlift.entrypoints.cli.quick_entry import Command
from runlift.entrypoints.text.log import plural
from runlift.entrypoints.text.training import no_session_text, target_text
from runlift.services import corrections, guided
from runlift.services.athletes import UowFactory
from runlift.services.errors import BadInput
from runlift.services.guided import Guide, Result, Step

commands = typer.Typer()
session_app = typer.Typer()
commands.add_typer(session_app, name="session")
WIDTH = 78
SWITCH_SECONDS = 5
LEGEND = (
    "Quick entry after each set: Enter = as prescribed (top of the rep range or the full hold, "
    "the load shown, the target RIR); 8 = reps; 8 22.5kg = reps and load; 8 22.5kg 2 = reps, "
    "load and RIR; 45s = seconds held; s = skip the rest of this exercise; q = stop (run again "
    "to resume). Ctrl-C skips a timer."
)


class Stopped(Exception):
    """The runner left the session (q, Ctrl-C or closed input); the exit status to return."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


BLOCKS = {"warmup": "warm-up", "foam_roll": "foam roll", "cooldown": "cool-down"}


def _say(text: str = "", indent: str = "", hang: str | None = None) -> None:
    """Print wrapped at a fixed width so the transcript is the same on every terminal."""
    if not text:
        typer.echo("")
        return
    rest = indent if hang is None else hang
    typer.echo(textwrap.fill(text, WIDTH, initial_indent=indent, subsequent_indent=rest))


def _sets(count: int) -> str:
    return f"{count} set" if count == 1 else f"{count} sets"


def _block(step: Step) -> str:
    return "[" + BLOCKS.get(step.block, step.block.replace("_", " ")) + "]"


def _ask(question: str) -> str:
    """One prompt; Ctrl-C or closed input there leaves the session (sets stay saved)."""
    try:
        return str(typer.prompt(question, default="", show_default=False))
    except Abort as exc:
        typer.echo("")
        raise Stopped(130) from exc


def countdown(seconds: int, label: str) -> None:
    """A live countdown line; Ctrl-C ends only the timer, never the session."""
    console = Console(highlight=False)
    end = time.monotonic() + seconds
    try:
        with Live(console=console, transient=True, refresh_per_second=8) as live:
            while (left := end - time.monotonic()) > 0:
                live.update(Text(f"  {label}: {math.ceil(left)} s left (Ctrl-C skips)"))
                time.sleep(min(0.1, left))
    except KeyboardInterrupt:
        console.print(f"  {label}: skipped", markup=False)
        return
    console.print(f"  {label}: done", markup=False)
    if console.is_terminal:
        console.bell()


class GuidedRun:
    """One pass through the day's items, remembering how many sets are saved so far."""

    def __init__(
        self,
        make_uow: UowFactory,
        library: Library,
        athlete: str,
        guide: Guide,
        timers: bool,
    ) -> None:
        self.make_uow = make_uow
        self.library = library
        self.athlete = athlete
        self.guide = guide
        self.timers = timers
        self.saved = guide.saved
        self.started = core().now()
        self.stamped = False

    def run(self) -> None:
        g = self.guide
        _say(f"{g.athlete}, {g.date}: {' + '.join(g.titles)} (about {g.minutes} min)")
        if g.saved:
            _say(f"resuming: {_sets(g.saved)} already saved for {g.date}")
        _say(LEGEND)
        for index, step in enumerate(g.steps):
            if step.target is None:
                self.show_item(step, index < g.last_started)
            else:
                self.train(step)
        self.finish()

    def show(self, step: Step, plan: str) -> None:
        target = step.target
        slug = target.variant if target else step.exercise
        exercise = self.library.catalogue.get(slug)
        name = exercise.name
        if target and target.variant != target.exercise:
            name += f" (in place of {self.library.catalogue.get(target.exercise).name})"
        _say()
        _say(f"{_block(step)} {name}: {plan}")
        for number, line in enumerate(exercise.steps, 1):
            _say(f"{number}. {line}", "    ", "       ")
        if exercise.cues:
            _say("cues: " + " ".join(exercise.cues), "    ", "          ")

    def show_item(self, step: Step, passed: bool) -> None:
        """Warm-up, mobility and cool-down: shown, not logged; skipped when resuming past it."""
        item = step.item
        amount = (
            f"{item['reps'][0]}-{item['reps'][1]} reps" if item["reps"] else f"{item['seconds']} s"
        )
        side = " per side" if item["per_side"] else ""
        plan = f"{item['sets']} x {amount}{side}"
        if passed:
            name = self.library.catalogue.get(step.exercise).name
            _say(f"{_block(step)} {name}: {plan} (done earlier)")
            return
        self.show(step, plan)
        answer = _ask("  Enter when done (q stops)").strip().lower()
        if answer in ("q", "quit", "stop"):
            raise Stopped(0)

    def train(self, step: Step) -> None:
        target = step.target
        assert target is not None
        plan = f"{target_text(target)}, rest {step.item['rest_seconds']} s"
        if step.item["per_side"]:
            plan += ", each side"
        if not step.remaining:
            name = self.library.catalogue.get(target.variant).name
            _say(f"{_block(step)} {name}: {plan} (done: {_sets(len(step.done))} saved)")
            return
        self.show(step, plan)
        for logged in step.done:
            _say(f"set {logged.set_number}: {quick_entry.describe(logged)} (saved earlier)", "  ")
        entered: list[Result] = []
        if step.needs_load and guided.working_load(step, entered) is None:
            example = quick_entry.load_example(target, self.guide.units)
            spare = (
                f"you could lift about {target.rir} more times than the top of the range"
                if target.rir is not None
                else "you can move fast and cleanly for every rep"
            )
            _say(f"load: choose one {spare}, and type it with the first set (e.g. {example})", "  ")
        first = step.next_set
        for number in range(first, first + step.remaining):
            label = f"set {number} of {first + step.remaining - 1}"
            if (
                self.timers
                and target.reps is None
                and target.seconds
                and not self.hold(step, label)
            ):
                return
            result = self.ask_set(step, label, entered)
            if result is Command.SKIP:
                _say(f"skipped the rest of this exercise ({_sets(len(entered))} this time)", "  ")
                return
            if result is Command.QUIT:
                raise Stopped(0)
            assert isinstance(result, Result)
            self.save(step, result, number)
            entered.append(result)
            rest = int(step.item["rest_seconds"])
            if self.timers and rest and number < first + step.remaining - 1:
                countdown(rest, f"rest {rest} s")

    def hold(self, step: Step, label: str) -> bool:
        """Start a timed hold when the runner is in position; False when they skip or stop."""
        target = step.target
        assert target is not None and target.seconds is not None
        answer = _ask(f"  {label}: Enter to start the {target.seconds} s hold (s skips, q stops)")
        answer = answer.strip().lower()
        if answer in ("q", "quit", "stop"):
            raise Stopped(0)
        if answer in ("s", "skip"):
            _say("skipped the rest of this exercise", "  ")
            return False
        sides = ("first side", "second side") if step.item["per_side"] else ("hold",)
        for index, side in enumerate(sides):
            if index:
                countdown(SWITCH_SECONDS, "switch sides")
            countdown(target.seconds, side)
        return True

    def ask_set(self, step: Step, label: str, entered: list[Result]) -> Result | Command:
        """Ask until the entry parses; a refusal is one line, then the same question again."""
        target = step.target
        assert target is not None
        load = guided.working_load(step, entered)
        if step.needs_load and load is None:
            hint = "type reps and load, e.g. " + quick_entry.load_example(target, self.guide.units)
        else:
            hint = "Enter = " + quick_entry.describe(guided.prescribed(target, load))
        while True:
            answer = _ask(f"  {label} [{hint}]")
            try:
                return quick_entry.parse_entry(
                    answer, target, load, self.guide.units, needs_load=step.needs_load
                )
            except BadInput as exc:
                typer.echo(f"  {exc}", err=True)

    def save(self, step: Step, result: Result, number: int) -> None:
        g = self.guide
        fresh = guided.save_set(
            self.make_uow,
            self.library,
            self.athlete,
            g.date,
            step,
            result,
            number,
            core().today(),
            core().now(),
        )
        if fresh:
            self.saved += 1
        note = "saved" if fresh else "already saved earlier"
        _say(f"{note} set {number}: {quick_entry.describe(result)}", "  ")
        if not self.stamped and g.date == core().today():
            guided.stamp_session(self.make_uow, self.athlete, g.date, started=self.started)
            self.stamped = True

    def finish(self) -> None:
        g = self.guide
        _say()
        if not self.saved:
            _say(f"no sets saved for {g.date}; nothing stored")
            return
        shown = f" (Enter keeps {g.srpe})" if g.srpe is not None else " (Enter to skip)"
        while True:
            try:
                srpe = quick_entry.parse_srpe(
                    _ask(f"Session RPE, 0 = rest ... 10 = maximal{shown}")
                )
                break
            except BadInput as exc:
                typer.echo(f"  {exc}", err=True)
        notes = _ask("Note for this session (Enter to skip)").strip() or None
        ended = core().now() if g.date == core().today() else None
        started = self.started if ended else None
        guided.stamp_session(
            self.make_uow,
            self.athlete,
            g.date,
            started=started,
            ended=ended,
            srpe=srpe,
            notes=notes,
        )
        srpe = srpe if srpe is not None else g.srpe
        rpe = f"; session RPE {srpe}" if srpe is not None else ""
        _say(f"session saved: {_sets(self.saved)} on {g.date}{rpe}")


@session_app.callback(invoke_without_command=True)
def session(
    ctx: typer.Context,
    date: str | None = typer.Option(
        None, "--date", help="Day to train, YYYY-MM-DD (default: today)."
    ),
    athlete: str | None = ATHLETE,
    no_timers: bool = typer.Option(
        False,
        "--no-timers",
        envvar="RUNLIFT_NO_TIMERS",
        help="No rest or hold countdowns (also RUNLIFT_NO_TIMERS=1).",
    ),
) -> None:
    """Run the day's session: steps, targets, timers; every set saved as entered, resumable."""
    if ctx.invoked_subcommand is not None:
        return
    library = core().library
    make_uow = core().uow_factory()
    day = parse_date(date, "--date") or core().today()
    name = athlete_name(athlete)
    with options_named(date="--date"):
        guide = guided.load_guide(make_uow, library, name, day, core().today())
    if not guide.steps:
        assert guide.view is not None
        typer.echo(no_session_text(guide.view))
        return
    run = GuidedRun(make_uow, library, name, guide, timers=not no_timers)
    try:
        run.run()
    except (Stopped, KeyboardInterrupt) as exc:
        code = exc.code if isinstance(exc, Stopped) else 130
        resume = "runlift session"
        if date is not None:
            resume += f" --date {day}"
        if athlete is not None:
            resume += f" --athlete {shlex.quote(athlete)}"
        typer.echo(f"stopped; {_sets(run.saved)} saved; run `{resume}` to resume")
        raise typer.Exit(code) from None


@session_app.command("delete")
def session_delete(
    day: str = typer.Argument(..., help="The day of the performed session, YYYY-MM-DD."),
    athlete: str | None = ATHLETE,
) -> None:
    """Delete what was logged on a day: the session and all its sets ('runlift undo' restores)."""
    when = parse_date(day, "DATE")
    assert when is not None
    with options_named(date="DATE"):
        removed = corrections.delete_session(
            core().uow_factory(), athlete_name(athlete), when, core().now()
        )
    typer.echo(f"deleted the session of {when} ({plural(removed.sets, 'set')})")
