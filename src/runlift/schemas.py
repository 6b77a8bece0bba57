"""The public JSON shapes, defined once: every `--format json` output now, the HTTP API later.

Each model describes a document exactly as runlift prints it (field names, order, nulls), forbids
unknown keys and is frozen. Storage encodings (the target kept with each logged set, the export
file) are separate and may differ. `runlift schema NAME` prints a shape's JSON Schema.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema

from runlift.domain.periodize import Phase
from runlift.domain.real_week import Status as SessionStatus
from runlift.domain.vocab import (
    BlockKind,
    Category,
    Day,
    Equipment,
    Impact,
    Injury,
    Level,
    MaxIntensity,
    MuscleGroup,
    Pattern,
    RaceDistance,
    RunType,
    SessionKind,
    Status,
    Units,
)

# A JSON number kept as given: 88 stays 88 and 88.0 stays 88.0, so output bytes never shift.
Number = Annotated[int | float, WithJsonSchema({"type": "number"})]
Range = tuple[int, int]  # [low, high], inclusive
IntOrRange = int | Range


class Shape(BaseModel):
    """Base of every public shape: unknown keys are an error and a built document never changes.

    Validators are built on first use (`defer_build`), so commands that print no JSON pay little.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Load(Shape):
    """A load as entered, in its own unit."""

    value: Number
    unit: Units


# --- the plan (`runlift plan --format json`) ---------------------------------------------------


class Item(Shape):
    """One prescribed exercise in a planned session; `tempo` is lower-pause-lift seconds."""

    exercise: str
    equipment: tuple[Equipment, ...]
    sets: int
    reps: Range | None
    seconds: int | None
    per_side: bool
    rest_seconds: int
    intensity: str
    tempo: str | None = None


class Block(Shape):
    """A part of a session (warm-up, main work, jumps, core...) and its items."""

    kind: BlockKind
    items: tuple[Item, ...]


class Session(Shape):
    """One dated session; only sets logged in sessions that count move the next targets."""

    date: dt.date
    day: Day
    title: str
    kind: SessionKind
    counts_for_progression: bool
    estimated_minutes: int
    blocks: tuple[Block, ...]
    why: tuple[str, ...]


class PlannedRun(Shape):
    """A run of the runner's week placed on its date."""

    date: dt.date
    type: RunType


class Week(Shape):
    """A plan week: its phase, whether it is a deload, its runs and strength sessions."""

    number: int
    start: dt.date
    phase: Phase
    deload: bool
    runs: tuple[PlannedRun, ...]
    sessions: tuple[Session, ...]


class Race(Shape):
    """The goal race; `date` is null for distance "none"."""

    distance: RaceDistance
    date: dt.date | None


class Protein(Shape):
    """Daily protein from the evidence, beside the seed's higher figure and its caveat."""

    body_mass_kg: Number
    daily_grams: Range
    per_meal_grams: Range
    seed_daily_grams: Range
    caveat: str


class Plan(Shape):
    """A dated strength plan fitted around the runner's week and race."""

    athlete: str
    start: dt.date
    race: Race | None
    protein: Protein | None
    notes: tuple[str, ...]
    weeks: tuple[Week, ...]


# --- targets (`runlift next`, `runlift today`) and the log (`runlift history`) -------------------


class Target(Shape):
    """The next target for one exercise and the rule that set it; `variant` is what to perform.

    `rir` is null where reps in reserve mean nothing; `counts` is false for deload, taper and
    race-week work, which never sets the next working load.
    """

    exercise: str
    variant: str
    sets: int
    reps: Range | None
    seconds: int | None
    load: Load | None
    rir: int | None
    tempo: str | None
    counts: bool
    rule: str
    reason: str


class Next(Target):
    """`runlift next`: the target and the planned day it is for."""

    date: dt.date


class TodayItem(Shape):
    """A planned item of the day with its target (null for warm-up and mobility items)."""

    block: BlockKind
    exercise: str
    planned: Item
    target: Target | None


class TodaySession(Shape):
    """A session of the day with concrete targets."""

    title: str
    week: int
    deload: bool
    estimated_minutes: int
    items: tuple[TodayItem, ...]
    why: tuple[str, ...]


class Today(Shape):
    """`runlift today`: the day's sessions (none on a rest day)."""

    athlete: str
    date: dt.date
    sessions: tuple[TodaySession, ...]
    notes: tuple[str, ...] = Field(default=(), exclude_if=lambda value: not value)


class SetTarget(Shape):
    """The target in force when a set was logged: `tempo` only when set, `counts` only if false."""

    exercise: str
    variant: str
    sets: int
    reps: Range | None
    seconds: int | None
    load: Load | None
    rir: int | None
    tempo: str | None = Field(default=None, exclude_if=lambda value: value is None)
    counts: bool = Field(default=True, exclude_if=lambda value: value is True)


class SetLog(Shape):
    """One logged set (a row of `runlift history`); `id` is its stable id, to edit or delete it."""

    id: int
    date: dt.date
    exercise: str
    variant: str
    set: int
    reps: int | None
    load: Load | None
    seconds: int | None
    rir: int | None
    target: SetTarget | None


class SetPage(Shape):
    """A page of the log (`GET .../sets`): sets by id, and the cursor of the next page or null."""

    items: tuple[SetLog, ...]
    next: int | None


# --- the real week (`runlift week`) -------------------------------------------------------------


class WeekSession(Shape):
    """A planned session: planned on `planned`, standing on `on` (null when skipped or dropped)."""

    title: str
    kind: SessionKind
    planned: dt.date
    on: dt.date | None
    status: SessionStatus
    lightened: bool
    why: tuple[str, ...]
    warning: str | None


class WeekRun(Shape):
    """A run logged on the day."""

    type: str | None
    distance_km: Number
    duration_s: int | None


class WeekDay(Shape):
    """A day of the week: the profile's run, the runs logged, the sessions that stand on it."""

    date: dt.date
    day: Day
    planned_run: RunType | None
    logged_runs: tuple[WeekRun, ...]
    sessions: tuple[WeekSession, ...]


class NextSession(Shape):
    """The next session still to do."""

    date: dt.date
    title: str


class Moved(Shape):
    """A moved session: the day it stood on, the day it stands on now, any spacing warning."""

    moved_from: dt.date
    to: dt.date
    warning: str | None


class Skipped(Shape):
    """A skipped strength session: the day it stood on and the day it was planned on."""

    date: dt.date
    planned: dt.date


class WeekView(Shape):
    """`runlift week`: the Mon-Sun week planned against done, with moves, skips and misses."""

    athlete: str
    monday: dt.date
    today: dt.date
    days: tuple[WeekDay, ...]
    next: NextSession | None


# --- records, volume, runs and load --------------------------------------------------------------


class E1rm(Shape):
    """The best estimated 1RM (Epley, in the athlete's units) and the set that gave it."""

    value: Number
    unit: Units
    date: dt.date
    set: int
    reps: int
    load: Load


class E1rmDay(Shape):
    """The best estimated 1RM (Epley) of one training day, in the athlete's units."""

    date: dt.date
    e1rm: Number


class Progress(Shape):
    """`runlift progress`: an exercise's best e1RM per training day, from loaded sets of 10 reps
    or fewer, oldest first."""

    athlete: str
    exercise: str
    units: Units
    points: tuple[E1rmDay, ...]


class RepsAt(Shape):
    """The most reps in one set at a load as entered (null: bodyweight), first reached on date."""

    load: Load | None
    reps: int
    date: dt.date


class Hold(Shape):
    """The longest hold and its day."""

    seconds: int
    date: dt.date


class Record(Shape):
    """Personal records for one exercise."""

    exercise: str
    e1rm: E1rm | None
    reps_at: tuple[RepsAt, ...]
    longest_hold: Hold | None


class Records(Shape):
    """`runlift records`: every exercise's records, e1RM in the athlete's units."""

    units: Units
    exercises: tuple[Record, ...]


class VolumeWeek(Shape):
    """Hard sets in one ISO week per primary muscle group (a row of `runlift volume`)."""

    week: str
    monday: dt.date
    sets: dict[MuscleGroup, int]


class Flag(Shape):
    """A run flagged by the run-spike rule: how much longer than the last 30 days' longest."""

    rule: str
    date: dt.date
    distance_km: Number
    longest_date: dt.date
    longest_km: Number
    percent_over: Number
    band: str = Field(description="Frandsen 2025's band: 10-30%, 30-100% or >100%")


class Run(Shape):
    """A logged run (a row of `runlift runs list`): `id` is its stable id (to delete it),
    `client_id` the id its client or file gave it, so a retry or re-import stores nothing."""

    id: int
    date: dt.date
    distance_km: Number
    duration_s: int | None
    type: str | None
    source: str
    client_id: str | None
    flag: Flag | None


class RunImport(Shape):
    """What importing GPX, TCX or FIT files did: runs stored now, of all the runs they held."""

    added: int
    total: int


class Undone(Shape):
    """The change `undo` reverted: its kind, day, exercises, and how many rows it touched."""

    kind: str = Field(description="sets_logged, set_edited, run_logged, runs_imported, ...")
    date: dt.date | None
    exercises: tuple[str, ...]
    sets: int
    runs: int
    sessions: int


class PerformedSession(Shape):
    """A session as done: its day, session RPE (0-10), note, and when it started and ended."""

    date: dt.date
    srpe: int | None
    notes: str | None
    started_at: dt.datetime | None
    ended_at: dt.datetime | None


class AthleteImport(Shape):
    """What importing one athlete's document into their empty log stored."""

    plans: int
    sessions: int
    sets: int
    runs: int


class ImportedName(Shape):
    """How one exercise name of an imported Strong or Hevy file maps onto the catalogue."""

    name: str = Field(description="the name as the other app wrote it")
    exercise: str | None = Field(description="the catalogue slug; null when unknown or skipped")
    how: str = Field(description="given, built-in, catalogue, kit, skipped or unknown")
    sets: int = Field(description="working sets in the file under this name")
    closest: tuple[str, ...] = Field(description="closest catalogue slugs, for unknown names")


class LogImport(Shape):
    """What importing a Strong or Hevy log did: sets stored now, already stored before, left out
    (unknown or skipped names; warm-ups apart), days touched, and each name's mapping."""

    athlete: str
    imported: int
    already: int
    skipped: int
    warmups: int
    days: int
    assumed_units: Units | None = Field(
        description="the unit weights were read in because the file named none"
    )
    names: tuple[ImportedName, ...]


class LoadWeek(Shape):
    """Running km and strength load (sRPE x minutes) of one ISO week (a row of `runlift load`)."""

    week: str
    monday: dt.date
    run_km: Number
    runs: int
    strength_sessions: int
    strength_load: int
    strength_unrated: int
    flags: tuple[Flag, ...]


# --- the catalogue (`runlift exercises`, `runlift programs`, `runlift rules`) -----------------


class Dose(Shape):
    """An exercise's typical prescription."""

    sets: int
    reps: Range | None
    seconds: int | None
    rest_seconds: int
    per_side: bool


class Exercise(Shape):
    """One catalogue exercise, every DESIGN section 3 field."""

    slug: str
    name: str
    aliases: tuple[str, ...]
    status: Status
    replaced_by: str | None
    category: Category
    patterns: tuple[Pattern, ...]
    primary_muscles: tuple[MuscleGroup, ...]
    secondary_muscles: tuple[MuscleGroup, ...]
    muscle_heads: tuple[str, ...]
    equipment_options: tuple[tuple[Equipment, ...], ...]
    unilateral: bool
    lower_body: bool
    level: Level
    max_intensity: MaxIntensity
    impact: Impact
    injuries: tuple[Injury, ...]
    default: Dose
    easier: tuple[str, ...]
    harder: tuple[str, ...]
    steps: tuple[str, ...]
    cues: tuple[str, ...]
    mistakes: tuple[str, ...]
    sources: tuple[str, ...]


class SearchHit(Exercise):
    """A search result: the exercise, its score and how many query words it matched."""

    score: Number
    matched: int


class ProgramItem(Shape):
    """One exercise of a built-in program with the dose its source gives."""

    exercise: str
    sets: IntOrRange
    reps: Range | None
    seconds: int | None
    distance_m: int | None
    per_side: bool
    rest_seconds: IntOrRange
    note: str | None


class ProgramBlock(Shape):
    """A run of program items done together."""

    kind: BlockKind
    title: str | None
    items: tuple[ProgramItem, ...]


class Program(Shape):
    """A built-in program reproducing a seed's workout; `rounds` > 1 makes it a circuit."""

    slug: str
    name: str
    summary: str
    sources: tuple[str, ...]
    rounds: int
    rest_between_rounds: IntOrRange | None
    frequency: str | None
    notes: tuple[str, ...]
    blocks: tuple[ProgramBlock, ...]


class Rule(Shape):
    """A coaching rule: its id, what it says, and its sources."""

    id: str
    rule: str
    sources: tuple[str, ...]


# --- errors (the HTTP API) ---------------------------------------------------------------------


class ErrorDetail(Shape):
    """What went wrong: a stable code, one line for people, and the field at fault if any."""

    code: str
    message: str
    field: str | None


class ErrorBody(Shape):
    """The body of every API error response."""

    error: ErrorDetail


Error = ErrorBody  # the name the CLI's tests knew it by


# --- accounts and coaches (the HTTP API) ------------------------------------------------------

AccountRole = Literal["athlete", "coach"]


class Account(Shape):
    """An account as its owner sees it; `athlete_id` is its athlete (null for a coach only)."""

    id: int
    email: str
    name: str
    roles: tuple[AccountRole, ...]
    athlete_id: int | None


class AccessToken(Shape):
    """A new bearer token: shown once, never again (the store keeps only its digest)."""

    access_token: str
    token_type: Literal["bearer"]


class TokenInfo(Shape):
    """One of the caller's tokens, without its secret."""

    id: int
    name: str
    created_at: dt.datetime
    last_used_at: dt.datetime | None
    revoked_at: dt.datetime | None


class Invitation(Shape):
    """An invitation code a coach hands to an athlete (one use, 14 days)."""

    code: str


class CoachLink(Shape):
    """A coach the athlete accepted: the coach's account id, name and e-mail, and since when."""

    coach_id: int
    name: str
    email: str
    since: dt.datetime


class Note(Shape):
    """A note on the session of a day, by the athlete or one of their coaches (`author_*`)."""

    id: int
    date: dt.date
    text: str
    author_id: int | None
    author_name: str | None
    created_at: dt.datetime


class Change(Shape):
    """Who changed what in an athlete's training: a profile (re-plan), a move or a note."""

    id: int
    author_id: int | None
    author_name: str | None
    kind: Literal["profile", "move", "note"]
    summary: str
    created_at: dt.datetime


class CoachedAthlete(Shape):
    """An athlete a coach looks after: `id` is the athlete id of /api/v1/athletes/{id}/..."""

    id: int
    account_id: int
    name: str
    email: str
    since: dt.datetime


SHAPES: Mapping[str, type[Shape]] = {
    "access-token": AccessToken,
    "account": Account,
    "athlete-import": AthleteImport,
    "change": Change,
    "coach-link": CoachLink,
    "coached-athlete": CoachedAthlete,
    "day": Today,
    "error": ErrorBody,
    "exercise": Exercise,
    "invitation": Invitation,
    "item": Item,
    "load-week": LoadWeek,
    "moved": Moved,
    "log-import": LogImport,
    "next": Next,
    "note": Note,
    "performed-session": PerformedSession,
    "plan": Plan,
    "program": Program,
    "progress": Progress,
    "records": Records,
    "rule": Rule,
    "run": Run,
    "run-import": RunImport,
    "search-hit": SearchHit,
    "session": Session,
    "skipped": Skipped,
    "set": SetLog,
    "set-page": SetPage,
    "target": Target,
    "token": TokenInfo,
    "undone": Undone,
    "volume-week": VolumeWeek,
    "week": WeekView,
}
"""Every public shape by the name `runlift schema NAME` takes (list outputs: the row's shape)."""


def json_schema(shape: type[Shape]) -> str:
    """A shape's JSON Schema as stable, indented text."""
    return json.dumps(shape.model_json_schema(), indent=2, ensure_ascii=False)


def dumps(document: Shape | Sequence[Shape]) -> str:
    """A shape, or a list of shapes, as indented JSON: same document, same bytes."""
    if isinstance(document, Shape):
        data: object = document.model_dump(mode="json")
    else:
        data = [item.model_dump(mode="json") for item in document]
    return json.dumps(data, indent=2, ensure_ascii=False)
