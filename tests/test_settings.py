"""dragoman.Settings: one frozen dataclass instead of environment variables read at
import; checked values; passed to analyze*; analyze_many(workers=N)."""
from __future__ import annotations

import dataclasses
import subprocess
import sys

import pytest

import dragoman
from dragoman import Article, Failed, SettingError, Settings

RULES_ONLY = Settings(event_classifier=False, event_roles=False, event_sense=False)


def side(party: dragoman.Party | None) -> str:
    return "-" if party is None else party.code or "?"


def facts(text: str, **kwargs) -> list[str]:
    """The factual events of ``text`` as TYPE:SOURCE>TARGET (-: no side, ?: uncoded)."""
    a = dragoman.analyze(text, **kwargs)
    return [f"{e.type}:{side(e.source)}>{side(e.target)}"
            for e in a.events if not (e.negated or e.hypothetical)]


def test_defaults_and_frozen() -> None:
    s = Settings()
    assert (s.model, s.batch_size, s.article_timeout) == (None, 32, None)
    assert s.event_classifier and s.event_roles and s.event_sense
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.batch_size = 4  # type: ignore[misc]
    assert s.replace(batch_size=4).batch_size == 4 and s.batch_size == 32
    assert Settings(max_chars=0).max_chars is None  # 0: no limit, as on the command line


@pytest.mark.parametrize("kwargs, words", [
    ({"batch_size": 0}, "batch_size must be a whole number above 0"),
    ({"batch_size": 2.5}, "batch_size"),
    ({"batch_size": True}, "batch_size"),
    ({"max_chars": -3}, "max_chars"),
    ({"article_timeout": -1}, "article_timeout"),
    ({"model": ""}, "model must be the name"),
    ({"event_roles": "no"}, "event_roles must be True or False"),
    ({"fill_margin": -0.5}, "fill_margin must be a finite number, 0 or more"),
    ({"arbitrate_margin": float("inf")}, "arbitrate_margin"),
    ({"statement_margin": float("nan")}, "statement_margin"),
    ({"roles_fill": 1.5}, "roles_fill must be a probability from 0 to 1"),
    ({"sense_keep": "high"}, "sense_keep"),
    ({"roles_model": "/no/such/weights.npz"}, "roles_model: no such file"),
])
def test_bad_values_raise_clear_setting_errors(kwargs: dict, words: str) -> None:
    with pytest.raises(SettingError, match=words.replace("(", r"\(")):
        Settings(**kwargs)
    assert issubclass(SettingError, ValueError)


def test_replace_refuses_unknown_names() -> None:
    with pytest.raises(SettingError, match="unknown setting.*classifer"):
        Settings().replace(classifer=False)


def test_from_env_reads_variables_when_called() -> None:
    env = {"DRAGOMAN_EVENT_CLASSIFIER": "off", "DRAGOMAN_BATCH_SIZE": "8",
           "DRAGOMAN_ROLES_FILL": "0.7", "DRAGOMAN_MAX_CHARS": "0", "DRAGOMAN_MODEL": " ",
           "OTHER": "1"}
    s = Settings.from_env(env)
    assert (s.event_classifier, s.batch_size, s.roles_fill, s.max_chars, s.model) == \
        (False, 8, 0.7, None, None)
    assert Settings.from_env(env, batch_size=2).batch_size == 2  # overrides last
    assert Settings.from_env({}) == Settings()


@pytest.mark.parametrize("var, value, words", [
    ("DRAGOMAN_EVENT_SENSE", "maybe", "DRAGOMAN_EVENT_SENSE must be 1 or 0"),
    ("DRAGOMAN_FILL_MARGIN", "wide", "DRAGOMAN_FILL_MARGIN must be a number"),
    ("DRAGOMAN_BATCH_SIZE", "3.5", "DRAGOMAN_BATCH_SIZE must be a whole number"),
    ("DRAGOMAN_SENSE_KEEP", "2", "DRAGOMAN_SENSE_KEEP: sense_keep must be a probability"),
])
def test_a_bad_variable_is_named(var: str, value: str, words: str) -> None:
    with pytest.raises(SettingError, match=words):
        Settings.from_env({var: value})


def test_importing_reads_no_environment() -> None:
    # a variable that would be invalid does not break the import, only from_env
    code = ("import dragoman, dragoman._events, dragoman._cli\n"
            "print(dragoman.Settings().event_roles)\n"
            "try:\n    dragoman.Settings.from_env()\n"
            "except dragoman.SettingError as exc:\n    print('refused', exc)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={"DRAGOMAN_EVENT_ROLES": "sometimes", "PATH": ""}, timeout=300)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[0] == "True"
    assert "refused DRAGOMAN_EVENT_ROLES must be 1 or 0" in out.stdout


# -- the settings reach the stages ------------------------------------------------------

def test_classifier_switch_and_fill_margin() -> None:
    text = "Egypt pulled its envoy out of Libya."
    assert facts(text, settings=Settings()) == ["RETREAT:EGY>LBY"]
    assert facts(text, settings=Settings(event_classifier=False)) == []
    assert facts(text, settings=Settings(fill_margin=50.0)) == []  # never confident enough


def test_classifier_chooses_among_rule_events_before_replacing_them() -> None:
    # the rules code the dispersal as material conflict; the classifier leans to
    # verbal conflict, not surely enough to overrule the only candidate
    text = "Police dispersed a crowd of farmers demanding better prices."
    kept = facts(text, settings=Settings())
    assert [f.split(":")[0] for f in kept] == ["COERCE"]
    replaced = facts(text, settings=Settings(replace_margin=0.5))
    assert len(replaced) == 1 and not replaced[0].startswith("COERCE")


def test_classifier_makes_a_standalone_unreal_event_factual() -> None:
    # the rules read the foiled attempt as unreal; the sentence reports an assault
    text = "An attempt to kill the mayor of Kharkiv was foiled in the city, police reported."
    events = [e for e in dragoman.analyze(text).events if not (e.negated or e.hypothetical)]
    assert [(e.type, e.trigger.text) for e in events] == [("ASSAULT", "kill")]
    assert facts(text, settings=Settings(event_classifier=False)) == []
    # a conditional one stays unreal whatever the classifier reads
    text = "Chile may impose sanctions on Peru if the talks fail, the minister warned."
    assert not [f for f in facts(text, settings=Settings()) if f.startswith("SANCTION")]


def test_role_model_switch_and_threshold() -> None:
    # the rules leave the target open ("to Guatemala" after the object would be read by
    # the rules themselves); the role model fills it
    text = "In Guatemala, Mexico extended a hand on migration."
    assert facts(text, settings=Settings()) == ["REQUEST:MEX>GTM"]
    assert facts(text, settings=Settings(event_roles=False)) == ["REQUEST:MEX>?"]
    assert facts(text, settings=Settings(roles_fill=1.0)) == ["REQUEST:MEX>-"]


def test_sense_filter_switch_and_threshold() -> None:
    text = ("The committee adopted a report on fishing. Workers struck a deal with the "
            "port owners. The storm hit the coast on Friday.")
    assert facts(text, settings=Settings()) == []
    assert facts(text, settings=Settings(event_sense=False)) == ["AGREE:?>?"]
    assert facts(text, settings=Settings(sense_keep=0.0)) == ["AGREE:?>?"]


def test_environment_is_read_at_call_time_and_settings_win(monkeypatch) -> None:
    text = "Egypt pulled its envoy out of Libya."
    monkeypatch.setenv("DRAGOMAN_EVENT_CLASSIFIER", "0")
    assert facts(text) == []  # no settings=: Settings.from_env(), now
    assert facts(text, settings=Settings()) == ["RETREAT:EGY>LBY"]  # given: env unread
    monkeypatch.delenv("DRAGOMAN_EVENT_CLASSIFIER")
    assert facts(text) == ["RETREAT:EGY>LBY"]


def test_keyword_arguments_override_settings() -> None:
    small = Settings(max_chars=10)
    with pytest.raises(dragoman.TooLongError):
        dragoman.analyze("Chile criticised Peru.", settings=small)
    assert dragoman.analyze("Chile criticised Peru.", settings=small, max_chars=None).events
    with pytest.raises(SettingError, match="batch_size"):
        list(dragoman.analyze_many(["Chile criticised Peru."], batch_size=0))
    with pytest.raises(SettingError, match="settings must be a dragoman.Settings"):
        dragoman.analyze("Chile criticised Peru.", settings={"batch_size": 2})  # type: ignore[arg-type]
    with pytest.raises(SettingError, match="workers must be a whole number"):
        list(dragoman.analyze_many(["Chile criticised Peru."], workers=0))


# -- analyze_many(workers=N) --------------------------------------------------------------

def test_workers_give_what_one_process_gives_in_order() -> None:
    texts = [f"Officials from {a} and {b} met on {d} to discuss {t}. {b} accused {a} of "
             f"stalling the talks, a spokesman said."
             for a, b, d, t in [("Peru", "Chile", "Monday", "fishing quotas"),
                                ("Kenya", "Uganda", "Tuesday", "rail links"),
                                ("Norway", "Finland", "Friday", "power lines"),
                                ("Ghana", "Togo", "Sunday", "border posts"),
                                ("Japan", "Vietnam", "Thursday", "air routes")]]
    texts.append("Egypt pulled its envoy out of Libya.")
    one = [a.to_dict() for a in dragoman.analyze_many(texts, published="2024-03-08")]
    # batches of 2 over 2 workers: every worker gets several batches, out of step
    two = [a.to_dict() for a in dragoman.analyze_many(texts, published="2024-03-08",
                                                      batch_size=2, workers=2)]
    assert len(one) == 6 and all(d["events"] for d in one)
    assert two == one
    # analyze_items: bad inputs and repeated ids behave as in one process
    items = [Article("a", texts[0]), Failed("b.txt", "empty file"), "x" * 300,
             Article("a", texts[1]), Article("c", texts[5], published="14 May 2024")]

    def flat(results):
        return [r.to_dict() | {"warnings": r.warnings} if isinstance(r, dragoman.Analysis)
                else (r.id, r.error) for r in results]

    kwargs = {"max_chars": 200, "settings": RULES_ONLY}
    here = flat(dragoman.analyze_items(items, **kwargs))
    there = flat(dragoman.analyze_items(items, workers=2, **kwargs))
    assert there == here
    assert [type(r).__name__ for r in here] == ["dict", "tuple", "tuple", "dict", "tuple"]
    assert any("another article in this batch" in w for w in here[3]["warnings"])
    # analyze_many raises the first failure, as in one process
    with pytest.raises(dragoman.TooLongError):
        list(dragoman.analyze_many([texts[0], "y" * 300], max_chars=200, workers=2))


def test_command_line_reads_the_environment_when_it_starts(tmp_path) -> None:
    import json

    from click.testing import CliRunner

    from dragoman._cli import main

    path = tmp_path / "envoy.txt"
    path.write_text("Egypt pulled its envoy out of Libya.", encoding="utf-8")

    def events(env: dict[str, str]) -> list[str]:
        out = CliRunner().invoke(main, ["analyze", str(path), "--format", "jsonl"], env=env)
        assert out.exit_code == 0, out.output
        return [e["type"] for e in json.loads(out.output)["events"]]

    assert events({}) == ["RETREAT"]
    assert events({"DRAGOMAN_EVENT_CLASSIFIER": "0"}) == []
    bad = CliRunner().invoke(main, ["analyze", str(path)],
                             env={"DRAGOMAN_BATCH_SIZE": "many"})
    assert bad.exit_code == 2 and "DRAGOMAN_BATCH_SIZE must be a whole number" in bad.output
