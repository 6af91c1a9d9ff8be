"""The session timer kept on the server, as pure functions of fixed times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from practices import timing

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def raw(*pairs: tuple[float, float | None]) -> list[list[str | None]]:
    return timing.dump([(at(a), at(b) if b is not None else None) for a, b in pairs])


def state(intervals, seconds: float, planned: int = 10, added: int = 0) -> timing.TimerState:
    return timing.timer_state(
        intervals, planned_minutes=planned, added_minutes=added, at=at(seconds)
    )


def test_a_timer_never_begun_is_ready_with_all_its_time():
    ready = state([], 500)
    assert (ready.begun, ready.running, ready.elapsed, ready.remaining) == (False, False, 0, 600)


def test_a_running_timer_counts_up_to_now():
    # Begun at 0 and reloaded at 3 min 20 s: 6 min 40 s are left.
    running = state(raw((0, None)), 200)
    assert running.running
    assert running.remaining == 400


def test_pauses_are_left_out():
    # Ran 0-60, paused 60-300, running again since 300; now 330.
    resumed = state(raw((0, 60), (300, None)), 330)
    assert resumed.elapsed == 90
    paused = state(raw((0, 60), (300, 330)), 1000)
    assert (paused.elapsed, paused.running) == (90, False)


def test_a_timer_left_running_stops_at_the_planned_time():
    # A tab ran to the end and nobody told the server: it still counts ten minutes.
    over = state(raw((0, None)), 3600)
    assert (over.elapsed, over.running, over.done) == (600, False, True)


def test_added_minutes_lengthen_the_plan():
    assert state(raw((0, None)), 3600, added=2).elapsed == 720


def test_settle_closes_the_interval_at_the_moment_time_was_up():
    settled = timing.settle(timing.parse(raw((0, 100), (200, None))), 600, at(5000))
    assert settled[-1] == (at(200), at(700))


def test_start_and_stop_are_idempotent():
    intervals = timing.start([], at(0))
    assert timing.start(intervals, at(5)) == intervals
    stopped = timing.stop(intervals, at(30))
    assert timing.stop(stopped, at(40)) == stopped
    assert timing.elapsed_seconds(stopped, at(99)) == 30


def credit(intervals, seconds: float, added: int = 0) -> int:
    return timing.credited_seconds(
        intervals, started_at=T0, planned_minutes=10, added_minutes=added, at=at(seconds)
    )


def test_credit_is_what_ran_capped_at_the_plan():
    assert credit(raw((0, 90)), 400) == 90
    assert credit(raw((0, None)), 4000) == 600
    assert credit(raw((0, None)), 4000, added=1) == 660


def test_without_a_timer_the_credit_is_the_time_since_the_start_capped():
    assert credit([], 180) == 180
    assert credit([], 7200) == 600


def test_the_interval_list_is_bounded():
    intervals: list[timing.Interval] = []
    for n in range(timing.MAX_INTERVALS + 10):
        intervals = timing.stop(timing.start(intervals, at(n)), at(n + 0.5))
    assert len(intervals) == timing.MAX_INTERVALS
