"""SIGTERM unwinds a one-shot command as Ctrl-C does, but never in the middle of a held step."""

from __future__ import annotations

import os
import signal

import pytest

from dlp.lifetime import held_interrupts, terminate_as_interrupt


def test_sigterm_interrupts_within_and_not_after() -> None:
    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(KeyboardInterrupt), terminate_as_interrupt():
        os.kill(os.getpid(), signal.SIGTERM)  # delivered to this thread before kill returns
        pytest.fail("SIGTERM did not interrupt")
    assert signal.getsignal(signal.SIGTERM) == before


def test_a_held_step_finishes_before_the_interrupt() -> None:
    steps = []
    with pytest.raises(KeyboardInterrupt), terminate_as_interrupt():
        with held_interrupts():
            os.kill(os.getpid(), signal.SIGTERM)
            steps.append("after the signal, still inside")
        steps.append("never: raised as the held step ends")
    assert steps == ["after the signal, still inside"]


def test_an_interrupt_is_raised_once() -> None:
    with pytest.raises(KeyboardInterrupt), terminate_as_interrupt(), held_interrupts():
        os.kill(os.getpid(), signal.SIGTERM)
    with terminate_as_interrupt(), held_interrupts():
        pass  # the next command's held step ends normally


def test_a_signal_started_ignored_stays_ignored() -> None:
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with terminate_as_interrupt():
            assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
            os.kill(os.getpid(), signal.SIGINT)  # ignored: nothing raised
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, previous)
