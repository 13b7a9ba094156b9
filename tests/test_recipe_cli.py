"""The intent recipes' command lines: `--help` prints the usage and trains nothing (it was once read as no config,
trained the default recipe for eight minutes and overwrote the shipped head); a wrong option or a missing config is
one error line and exit 2, never a traceback."""

from __future__ import annotations

import hashlib

import pytest
from v2m.agent.dialogue.intent_model import HEAD_PATH
from v2m.finetune import intent_lora, intent_tagenc, intent_tagger

MAINS = [intent_lora.main, intent_tagger.main, intent_tagenc.main]


def _head() -> str:
    return hashlib.sha256(HEAD_PATH.read_bytes()).hexdigest()


@pytest.mark.parametrize("main", MAINS)
def test_help_prints_the_usage_and_trains_nothing(main, capsys):
    before = _head()
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    assert "usage: python -m v2m.finetune." in capsys.readouterr().out
    assert _head() == before


@pytest.mark.parametrize("main", MAINS)
@pytest.mark.parametrize("argv", [["/nowhere/recipe.yaml"], ["--no-such-option"]])
def test_a_wrong_command_line_is_one_error_line_and_exit_2(main, argv, capsys):
    with pytest.raises(SystemExit) as done:
        main(argv)
    assert done.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith(("python -m v2m.finetune.", "usage")) and "error:" in err[-1]
    assert "Traceback" not in "\n".join(err)


def test_a_tagger_override_must_name_a_key_of_the_recipe(capsys):
    with pytest.raises(SystemExit) as done:
        intent_tagenc.main(["finetune/configs/intent/tagger-lora.yaml", "no_such_key=1"])
    assert done.value.code == 2
    assert "unknown override 'no_such_key=1'" in capsys.readouterr().err
