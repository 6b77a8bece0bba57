"""The exercise library page: open to everyone, search and filters as a GET form (the CLI's
search and filters), cards with how-to and links, unknown names answered with the closest ones."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from web_helpers import sign_up_on_page


def context(response: Any) -> dict[str, Any]:
    found: dict[str, Any] = response.context
    return found


def slugs(response: Any) -> list[str]:
    return [e.slug for e in context(response)["found"]]


def test_the_library_is_open_without_signing_in_and_lists_every_exercise(
    web: TestClient,
) -> None:
    response = web.get("/exercises")
    assert response.status_code == 200
    found = slugs(response)
    assert "goblet-squat" in found
    assert len(found) > 50
    names = [e.name.casefold() for e in context(response)["found"]]
    assert names == sorted(names)
    assert '<a href="/exercises/goblet-squat">Goblet squat</a>' in response.text


def test_filter_options_carry_ids_with_human_names(web: TestClient) -> None:
    text = web.get("/exercises").text
    assert '<option value="it_band_syndrome">IT band syndrome</option>' in text
    assert '<option value="pull_up_bar">Pull-up bar</option>' in text
    assert '<option value="none">Bodyweight only</option>' in text
    assert '<label for="f-q">Search</label>' in text


def test_search_words_find_what_the_cli_search_finds(web: TestClient) -> None:
    response = web.get("/exercises", params={"q": "goblet squat"})
    assert slugs(response)[0] == "goblet-squat"


def test_filters_narrow_the_list_like_the_cli(web: TestClient) -> None:
    everything = slugs(web.get("/exercises"))
    knee = web.get("/exercises", params={"injury": "runners_knee", "level": "beginner"})
    assert 0 < len(slugs(knee)) < len(everything)
    assert all(
        e.level.value == "beginner" and "runners_knee" in {i.value for i in e.injuries}
        for e in context(knee)["found"]
    )
    bodyweight = context(web.get("/exercises", params={"equipment": "none"}))["found"]
    assert bodyweight
    assert all(e.bodyweight for e in bodyweight)
    glutes = web.get("/exercises", params={"muscle": "glutes", "q": "bridge"})
    assert "glute-bridge" in slugs(glutes)
    assert all("glutes" in {m.value for m in e.muscles} for e in context(glutes)["found"])
    chosen = web.get("/exercises", params={"muscle": "glutes"}).text
    assert '<option value="glutes" selected>Glutes</option>' in chosen


def test_an_unknown_filter_value_is_a_clear_error(web: TestClient) -> None:
    response = web.get("/exercises", params={"equipment": "rowing machine"})
    assert response.status_code == 422
    assert context(response)["error"].field == "equipment"
    assert "rowing machine" in response.text


def test_search_words_are_escaped_back_into_the_form(web: TestClient) -> None:
    hostile = '"><script>alert(1)</script>'
    response = web.get("/exercises", params={"q": hostile})
    assert response.status_code == 200
    assert "<script>alert(1)" not in response.text
    assert "&lt;script&gt;" in response.text


def test_a_card_shows_how_to_and_links_to_easier_and_harder(web: TestClient) -> None:
    response = web.get("/exercises/goblet-squat")
    assert response.status_code == 200
    exercise = context(response)["exercise"]
    text = response.text
    assert "<h1>Goblet squat</h1>" in text
    assert all(step in text for step in (s.replace("'", "&#39;") for s in exercise.steps))
    assert "How to do it" in text
    assert "Quadriceps" in text
    for slug in exercise.easier + exercise.harder:
        assert f'href="/exercises/{slug}"' in text
    assert "Dumbbell" in context(response)["kit"] or "Kettlebell" in context(response)["kit"]


def test_a_card_by_alias_goes_to_its_slug(web: TestClient) -> None:
    response = web.get("/exercises/goblet squats")
    assert response.status_code == 303
    assert response.headers["location"] == "/exercises/goblet-squat"


def test_an_unknown_exercise_suggests_the_closest(web: TestClient) -> None:
    response = web.get("/exercises/goblet-sqat")
    assert response.status_code == 404
    assert "goblet-squat" in [e.slug for e in context(response)["suggested"]]
    assert '<a href="/exercises/goblet-squat">Goblet squat</a>' in response.text
    hostile = web.get("/exercises/<script>x")
    assert hostile.status_code == 404
    assert "<script>x" not in hostile.text


def test_signed_in_runners_see_the_same_library_with_their_nav(web: TestClient) -> None:
    sign_up_on_page(web)
    response = web.get("/exercises")
    assert response.status_code == 200
    assert 'href="/exercises" aria-current="page"' in response.text


def test_a_piece_of_kit_lists_what_it_or_no_kit_allows(web: TestClient) -> None:
    found = context(web.get("/exercises", params={"equipment": "dumbbell"}))["found"]
    assert any(e.bodyweight for e in found)
    assert any(not e.bodyweight for e in found)
    assert all(e.bodyweight or any(o <= {"dumbbell"} for o in e.equipment_options) for e in found)
