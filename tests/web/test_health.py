from __future__ import annotations

from django.conf import settings as django_settings
from django.http import HttpRequest, HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse

from journal.web.health import HealthzMiddleware

MIDDLEWARE_PATH = f"{HealthzMiddleware.__module__}.{HealthzMiddleware.__name__}"


def test_it_lives_at_healthz() -> None:
    assert reverse("web:healthz") == "/healthz"


def test_it_answers_ok_without_touching_the_database(
    client: Client, db: None, django_assert_num_queries
) -> None:
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Content-Type"].startswith("text/plain")


def test_it_sets_no_cookie(client: Client, db: None) -> None:
    response = client.get("/healthz")
    assert not response.cookies


def test_it_is_never_cached(client: Client, db: None) -> None:
    response = client.get("/healthz")
    assert "no-cache" in response["Cache-Control"]


def test_it_answers_head(client: Client, db: None) -> None:
    assert client.head("/healthz").status_code == 200


def test_it_rejects_post(client: Client, db: None) -> None:
    assert client.post("/healthz").status_code == 405


def test_it_skips_session_work_for_a_signed_in_client(
    alice_client: Client, django_assert_num_queries
) -> None:
    with django_assert_num_queries(0):
        response = alice_client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"


def test_its_middleware_passes_other_paths_through(rf: RequestFactory) -> None:
    passed = []

    def next_step(request: HttpRequest) -> HttpResponse:
        passed.append(request.path)
        return HttpResponse("page")

    response = HealthzMiddleware(next_step)(rf.get("/healthz/extra"))
    assert passed == ["/healthz/extra"]
    assert response.content == b"page"


def test_its_middleware_leaves_a_post_to_the_csrf_check(rf: RequestFactory) -> None:
    passed = []

    def next_step(request: HttpRequest) -> HttpResponse:
        passed.append(request.method)
        return HttpResponse("checked", status=403)

    response = HealthzMiddleware(next_step)(rf.post("/healthz"))
    assert passed == ["POST"]
    assert response.status_code == 403


def test_its_middleware_comes_first_so_no_session_is_read() -> None:
    assert django_settings.MIDDLEWARE[0] == MIDDLEWARE_PATH
