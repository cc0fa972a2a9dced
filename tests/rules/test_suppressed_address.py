"""A suppressed address is hers and her children's: to her it is no news, to her former partner it is their home.
Each held item beside its allowed twin."""

from __future__ import annotations

from pathlib import Path

from dlp.config import Config
from dlp.extract import communication_from_message
from tests.conftest import rules
from tests.rules.registry import registry, scanner
from tests.synthetic import email

HOME = "116 Greens Road, Wyndham Vale VIC 3024"
ROWS = (
    f'F1,Farida,Rahimi,1989-03-09,fr@mail.example,,"{HOME}",HGM-0121,postal_address,F2,\n'
    'F2,Scott,Pearce,1983-01-08,sp@mail.example,,"30 Springvale Road, Springvale VIC 3171",HGM-0121,,F1,\n'
    f'F3,Amaya,Rahimi,2021-01-13,,,"{HOME}",HGM-0121;R8152116,postal_address,,F1\n'
    f'F4,Ines,Rahimi,2013-04-02,,,"{HOME}",HGM-0121;M2186600,postal_address,,F1\n'
)


def test_her_own_home_shared_with_her_children_is_no_news_to_her(tmp_path: Path, config: Config) -> None:
    practice = scanner(config, registry(tmp_path, ROWS))

    def run(to: str, body: str) -> set[str]:
        return rules(practice.scan(communication_from_message(email([to], "Details", body), "m.eml"), record=False))

    body = f"Dear Farida,\n\nWe hold your address as {HOME} for you, Amaya and Ines. It is not given to anyone."
    assert run("fr@mail.example", body) == set()
    assert "suppressed_detail_exposed" in run("sp@mail.example", body.replace("Dear Farida", "Dear Scott"))
