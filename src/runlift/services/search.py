"""Typo-tolerant exercise search over names, aliases, muscles, injuries and kit."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from runlift.domain.anatomy import GROUP_OF_HEAD
from runlift.domain.exercise import Catalogue, Exercise, normalise_name
from runlift.domain.vocab import Category, Equipment, Injury, MuscleGroup

INJURY_WORDS: dict[Injury, str] = {
    Injury.RUNNERS_KNEE: "runners knee pain patellofemoral pfps kneecap",
    Injury.IT_BAND_SYNDROME: "it band itb iliotibial outer knee pain",
    Injury.PLANTAR_FASCIITIS: "plantar fasciitis heel pain arch foot",
    Injury.SHIN_SPLINTS: "shin splints mtss shin pain",
    Injury.ACHILLES_TENDINOPATHY: "achilles tendon tendinopathy tendinitis pain",
    Injury.HAMSTRING_STRAIN: "hamstring strain pulled hamstring injury",
    Injury.LOW_BACK_PAIN: "low lower back pain",
    Injury.BONE_STRESS: "bone stress fracture reaction",
}
EQUIPMENT_WORDS: dict[Equipment, str] = {
    Equipment.DUMBBELL: "dumbbell dumbbells db weights",
    Equipment.KETTLEBELL: "kettlebell kb weights",
    Equipment.BARBELL: "barbell bar weights",
    Equipment.MEDICINE_BALL: "medicine med ball",
    Equipment.BENCH: "bench",
    Equipment.BOX: "box plyo",
    Equipment.PULL_UP_BAR: "pull up bar",
    Equipment.RESISTANCE_BAND: "resistance band bands tube",
    Equipment.MINI_BAND: "mini band bands loop",
    Equipment.STABILITY_BALL: "stability swiss exercise ball",
    Equipment.AB_WHEEL: "ab wheel roller",
    Equipment.FOAM_ROLLER: "foam roller",
    Equipment.SLIDERS: "sliders slider valslide",
    Equipment.LEG_PRESS: "leg press machine",
    Equipment.CABLE_MACHINE: "cable machine",
    Equipment.WEIGHT_PLATE: "weight plate",
    Equipment.MAT: "mat",
    Equipment.TOWEL: "towel",
}
MUSCLE_WORDS: dict[MuscleGroup, str] = {
    MuscleGroup.QUADRICEPS: "quadriceps quads quad thigh",
    MuscleGroup.HAMSTRINGS: "hamstrings hamstring hams",
    MuscleGroup.GLUTES: "glutes glute butt hips",
    MuscleGroup.HIP_FLEXORS: "hip flexors flexor psoas",
    MuscleGroup.ADDUCTORS: "adductors adductor groin inner thigh",
    MuscleGroup.CALVES: "calves calf",
    MuscleGroup.FEET: "feet foot toes arch ankle",
    MuscleGroup.ABS: "abs core abdominals",
    MuscleGroup.OBLIQUES: "obliques core",
    MuscleGroup.LOWER_BACK: "lower back",
    MuscleGroup.CHEST: "chest pecs",
    MuscleGroup.UPPER_BACK: "upper back posture",
    MuscleGroup.LATS: "lats back",
    MuscleGroup.SHOULDERS: "shoulders shoulder delts",
    MuscleGroup.BICEPS: "biceps arms",
    MuscleGroup.TRICEPS: "triceps arms",
}
CATEGORY_WORDS: dict[Category, str] = {
    Category.STRENGTH: "strength",
    Category.PLYOMETRIC: "plyometric plyometrics plyo jump jumps power",
    Category.CORE: "core",
    Category.MOBILITY: "mobility",
    Category.STRETCH: "stretch stretching",
    Category.FOAM_ROLL: "foam rolling roll",
    Category.WARMUP: "warmup warm up drill",
    Category.CARDIO: "cardio conditioning",
}
STOPWORDS = frozenset(
    {
        "a",
        "an",
        "and",
        "for",
        "the",
        "with",
        "of",
        "to",
        "in",
        "on",
        "my",
        "i",
        "exercise",
        "exercises",
    }
)
NAME_WEIGHT = 3.0
ALIAS_WEIGHT = 2.5
INJURY_WEIGHT = 2.0
MUSCLE_WEIGHT = KIT_WEIGHT = 1.5
OTHER_WEIGHT = 1.0


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result: the exercise, how many query words it matched, and its score."""

    exercise: Exercise
    matched: int
    score: float


def _terms(exercise: Exercise) -> dict[str, float]:
    """Every searchable word of an exercise with the weight of the field it came from."""
    weighted: dict[str, float] = defaultdict(float)

    def add(text: str, weight: float) -> None:
        for word in normalise_name(text).split():
            weighted[word] = max(weighted[word], weight)

    add(exercise.name, NAME_WEIGHT)
    add(exercise.slug, NAME_WEIGHT)
    for alias in exercise.aliases:
        add(alias, ALIAS_WEIGHT)
    for injury in exercise.injuries:
        add(INJURY_WORDS[injury], INJURY_WEIGHT)
    for muscle in exercise.primary_muscles:
        add(MUSCLE_WORDS[muscle], MUSCLE_WEIGHT)
    for muscle in exercise.secondary_muscles:
        add(MUSCLE_WORDS[muscle], MUSCLE_WEIGHT / 2)
    for head in exercise.muscle_heads:
        if head in GROUP_OF_HEAD:
            add(head, OTHER_WEIGHT)
    for option in exercise.equipment_options:
        for item in option:
            add(EQUIPMENT_WORDS[item], KIT_WEIGHT)
        if not option:
            add("bodyweight body weight no equipment home", KIT_WEIGHT)
    add(CATEGORY_WORDS[exercise.category], OTHER_WEIGHT)
    for pattern in exercise.patterns:
        add(pattern.value, OTHER_WEIGHT)
    return dict(weighted)


def _similar(word: str, vocabulary: list[str]) -> dict[str, float]:
    """Vocabulary words close to `word`: exact for short words, fuzzy (typos) for longer ones."""
    if len(word) < 4:  # 'no', 'db', 'abs': too short to guess at, so exact only
        return {word: 1.0} if word in vocabulary else {}
    cutoff = 80 if len(word) < 7 else 75
    found = process.extract(word, vocabulary, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None)
    return {term: score / 100 for term, score, _ in found}


def search(catalogue: Catalogue, query: str, limit: int = 20) -> list[Hit]:
    """Exercises ranked by how many query words they match, then by weighted similarity."""
    words = [w for w in normalise_name(query).split() if w not in STOPWORDS]
    if not words:
        return []
    indexed = [(exercise, _terms(exercise)) for exercise in catalogue.active()]
    vocabulary = sorted({term for _, terms in indexed for term in terms})
    matches = [_similar(word, vocabulary) for word in words]
    phrase = " ".join(words)
    hits = []
    for exercise, terms in indexed:
        matched, score = 0, 0.0
        for near in matches:
            best = max((terms[t] * s for t, s in near.items() if t in terms), default=0.0)
            if best > 0:
                matched += 1
                score += best
        names = [normalise_name(n) for n in (exercise.name, *exercise.aliases)]
        if any(phrase in name for name in names):
            score += 5.0
        elif max(fuzz.token_set_ratio(phrase, name) for name in names) >= 90:
            score += 3.0
        if matched:
            hits.append(Hit(exercise, matched, round(score, 3)))
    hits.sort(key=lambda hit: (-hit.matched, -hit.score, hit.exercise.slug))
    return hits[:limit]
