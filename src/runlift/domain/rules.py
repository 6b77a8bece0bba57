"""The coaching rules, each with a stable id and its evidence, so every plan can explain itself."""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

SEED_000 = "seed 000_a001447781981599.txt"
SEED_001 = "seed 001_96e5a7711157e530.txt"
SEED_002 = "seed 002_2320d6ad24ee82d7.txt"
SEED_003 = "seed 003_788ce433889f11af.txt"
SEED_004 = "seed 004_af0c5618a6fbdb2d.txt"

# The seed articles' titles: sources keep the ids above, people read the titles.
ARTICLE_TITLES: Final = MappingProxyType(
    {
        SEED_000: "The 12 Best Strength Training Exercises for Runners",
        SEED_001: "Weight Training For Runners - Top 7 Exercises",
        SEED_002: "Is Strength Training Important For Runners?",
        SEED_003: "The best top 30 strength exercises for runners",
        SEED_004: "12 Best Strength Training Exercises for Runners (10-minute routine)",
    }
)


def source_title(source: str) -> str:
    """A source as people read it: a seed article by its quoted title, anything else as it is."""
    title = ARTICLE_TITLES.get(source)
    return f'"{title}"' if title is not None else source


@dataclass(frozen=True, slots=True)
class Rule:
    """A coaching rule: what it says in one line and where it comes from."""

    id: str
    summary: str
    sources: tuple[str, ...]


RULES: Final = (
    Rule(
        "frequency",
        "2-3 full-body sessions a week in base, 2 in build, 1-2 in peak, 1 in taper, at most one "
        "activation session in race week; never more than the runner asked for.",
        (
            SEED_000,
            SEED_001,
            SEED_002,
            SEED_003,
            "Blagrove et al. 2018, Sports Med 48:1117",
            "Rønnestad et al. 2010, Eur J Appl Physiol 110:1269",
        ),
    ),
    Rule(
        "session-length",
        "Fit each session into the runner's minutes (10-90); 30-45 minutes is typical.",
        (SEED_000, SEED_001),
    ),
    Rule(
        "warm-up",
        "Start every session with a few minutes of light cardio and dynamic mobility (foam rolling "
        "optional), or do it straight after an easy run.",
        (SEED_000, SEED_004),
    ),
    Rule(
        "full-body",
        "Each week trains glutes, hamstrings, quadriceps, calves and feet, the core and the upper "
        "body; every normal week has a straight-knee calf raise, a bent-knee (soleus) raise when "
        "there is time, and foot-core work about three times a week (in the warm-up or a short "
        "top-up).",
        (SEED_000, SEED_001, SEED_002, SEED_003, "Taddei et al. 2020, AJSM 48:3610"),
    ),
    Rule(
        "unilateral",
        "Every training week includes single-leg work, because running is done one leg at a time.",
        (SEED_000,),
    ),
    Rule(
        "intensity",
        "A runner new to the plan starts with a ramp-in (1 week, 2 when new to lifting) of "
        "moderate loads, 8+ reps at 3+ RIR; beginners spend 4-6 weeks at 2-3 x 8-12 with 3 reps "
        "in reserve to learn form; then the main lifts (a squat or split squat and a hinge, kept "
        "all plan) go to 3-4 x 4-6 at about 80-88% 1RM, 2-3 RIR (performance style), or 2-4 x "
        "12-20 light to moderate (classic style). Only lifts that can be loaded heavily and "
        "stably (max_intensity: heavy) with loading kit are prescribed heavy; balance-limited or "
        "complex moves stay at 8-15 reps.",
        (
            SEED_000,
            SEED_001,
            "ACSM 2009 (Ratamess et al., Med Sci Sports Exerc 41:687)",
            "Støren et al. 2008, Med Sci Sports Exerc 40:1087",
            "Eihara et al. 2022, Sports Med Open 8:138",
            "Llanos-Lagos et al. 2024, Sports Med 54:895",
            "Doma et al. 2019, Sports Med Open 5:21 (soreness and running cost after a first "
            "heavy session in people new to lifting)",
        ),
    ),
    Rule(
        "plyometrics",
        "Intermediate and advanced runners add a small dose of jumps (40-100 foot contacts) inside "
        "the strength session; low-intensity jumps (pogo jumps, skipping) during the ramp-in; no "
        "high-impact jumps in the first 4 weeks for masters (50+) and after shin splints or a "
        "bone-stress injury, nor in the first 6 weeks (then at most 40 contacts) for Achilles "
        "tendinopathy. Jumps are bodyweight: a load logged on a jump never becomes a target.",
        (
            "Balsalobre-Fernández et al. 2016, J Strength Cond Res 30:2361",
            "Dudagoitia Barrio et al. 2023, Kinesiology 55(2)",
            "Beyer et al. 2015, AJSM 43:1704",
            "coaching convention for masters and bone-stress histories [C]",
        ),
    ),
    Rule(
        "spacing",
        "Heavy lower-body work goes after the run on hard days or on easy days; never the day "
        "before a long run or a race; at least 48 h before intervals or tempo where the week "
        "allows.",
        (
            "Doma & Deakin 2013, Appl Physiol Nutr Metab 38:651",
            "Doma et al. 2019, Sports Med Open 5:21",
            "Robineau et al. 2016, J Strength Cond Res 30:672",
        ),
    ),
    Rule(
        "deload",
        "Every 4th week (every 3rd for beginners and masters 50+) is lighter, in step with the "
        "running recovery week: 40-50% fewer sets, 10-20% less load, 2 more reps in reserve, "
        "same exercises; what is logged in a deload, taper or race week never moves the targets, "
        "and the next normal week resumes at least at the pre-deload load.",
        (
            SEED_001,
            "Bell et al. 2023, Sports Med Open 9:87",
            "Rogerson et al. 2024, Sports Med Open 10:26",
            "Coleman et al. 2024, PeerJ 12:e16777",
        ),
    ),
    Rule(
        "taper",
        "The last heavy lower-body session falls 7-10 days before a half, marathon or ultra "
        "and 5-7 days before a 5k or 10k; taper volume drops 40-60%; race week is activation "
        "only and nothing in the last 48 h.",
        (
            "Bosquet et al. 2007, Med Sci Sports Exerc 39:1358",
            "Doma et al. 2019, Sports Med Open 5:21",
        ),
    ),
    Rule(
        "progression",
        "Double progression at the target RIR: when every set reaches the top of the rep range in "
        "two sessions, add 2.5-5% (upper body) or 5-10% (lower body or novice) and return to the "
        "bottom of the range; repeat the load when RIR falls 2 or more below target; bodyweight "
        "moves progress by reps, tempo and hold time, then to the harder variant.",
        (
            SEED_001,
            "ACSM 2009 (Ratamess et al., Med Sci Sports Exerc 41:687)",
            "Zourdos et al. 2016, J Strength Cond Res 30:267",
        ),
    ),
    Rule(
        "e1rm",
        "Estimated 1RM uses Epley, w x (1 + reps/30), from sets of 10 reps or fewer.",
        ("Epley 1985", "Reynolds et al. 2006, J Strength Cond Res 20:584"),
    ),
    Rule(
        "injury-focus",
        "An old injury brings its protocol, topped up by 5-12 minute rehab sessions on other "
        "days when strength sessions are fewer than its frequency (never on race day or in the "
        "taper's heavy-free days): Achilles -> heavy slow standing and seated calf raises, 3 s up "
        "and 3 s down, 3 days a week, 15RM to 6RM over 12 weeks; plantar heel pain -> towel heel "
        "raises every other day, 3 x 12RM to 5 x 8RM; runner's knee -> hip abductors plus quads; "
        "IT band -> hip abductors (isolation at most about a third of a session); low back pain "
        "-> anti-extension and anti-rotation core, no loaded rotation; shin splints and "
        "bone stress -> calf, soleus and hip work; hamstring -> RDL and Nordic curls; ultra -> "
        "slow eccentric step-downs; foot-core work for everyone.",
        (
            SEED_003,
            "Willy et al. 2019, JOSPT patellofemoral pain CPG",
            "Beyer et al. 2015, AJSM 43:1704",
            "Rathleff et al. 2015, Scand J Med Sci Sports 25:e292",
            "Taddei et al. 2020, AJSM 48:3610",
            "van Dyk et al. 2019, BJSM 53:1362",
            "Fredericson et al. 2000, Clin J Sport Med 10:169",
            "Hayden et al. 2021, Cochrane CD009790",
            "Owen et al. 2020, BJSM 54:1279",
            "Bontemps et al. 2020, Sports Med 50:2083",
        ),
    ),
    Rule(
        "protein",
        "1.4-2.0 g protein per kg body mass a day, 20-40 g per meal; the seed's '1-2 g per "
        "pound' is shown with the caveat that its upper end exceeds the evidence.",
        (
            SEED_001,
            "Jäger et al. 2017, JISSN 14:20 (ISSN position stand)",
            "Morton et al. 2018, BJSM 52:376",
        ),
    ),
    Rule(
        "run-spike",
        "Flag a single run more than 10% longer than the longest run of the previous 30 days, "
        "once 30 days of runs are logged; no acute:chronic workload verdicts.",
        ("Frandsen et al. 2025, BJSM 59:1203", "Impellizzeri et al. 2021, Sports Med 51:581"),
    ),
)

RULES_BY_ID: Final = MappingProxyType({rule.id: rule for rule in RULES})
