"""Longer fuzzing than CI's: the hypothesis properties of tests/test_fuzz.py with many
more examples, then (when atheris is installed) coverage-guided fuzzing of the readers
and the whole analysis for a while.

    .venv/bin/python scripts/fuzz.py                  # 2,000 examples a property
    .venv/bin/python scripts/fuzz.py --examples 20000 --atheris-seconds 600
    .venv/bin/pip install -c constraints.txt -e '.[fuzz]'   # atheris, where it installs

Any crash is printed with the input that caused it; the exit status is then non-zero.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def hypothesis_run(examples: int) -> int:
    env = {**os.environ, "DRAGOMAN_FUZZ_EXAMPLES": str(examples)}
    return subprocess.call([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                            str(ROOT / "tests" / "test_fuzz.py")], env=env)


def atheris_target(data: bytes) -> None:
    """One input: read as JSON Lines, text and HTML bytes, then analysed."""
    import io

    from dragoman._pipeline import analyze_items
    from dragoman._readers import read_stream

    items = list(read_stream(io.BytesIO(data)))
    for result in analyze_items(items, article_timeout=30):
        result_dict = getattr(result, "to_dict", None)
        if result_dict:
            text = result.article.text
            for a in result.actors:
                for m in a.mentions:
                    assert text[m.start:m.end] == m.text


def atheris_run(seconds: int) -> int:
    try:
        import atheris
    except ImportError:
        print("atheris is not installed here; skipped (pip install atheris)")
        return 0
    with atheris.instrument_imports():
        import dragoman._pipeline  # noqa: F401
        import dragoman._readers  # noqa: F401
    # libFuzzer writes new inputs into the first folder: a scratch one, never tests/nasty
    scratch = tempfile.mkdtemp(prefix="dragoman-fuzz-")
    print(f"atheris corpus: {scratch} (seeded from tests/nasty)")
    args = [sys.argv[0], f"-max_total_time={seconds}", "-max_len=4096", scratch,
            str(ROOT / "tests" / "nasty")]
    atheris.Setup(args, atheris_target)
    atheris.Fuzz()
    return 0


def main() -> None:
    ap = argparse.ArgumentParser(description="Longer fuzzing than CI's.")
    ap.add_argument("--examples", type=int, default=2000,
                    help="hypothesis examples a property (CI runs 40)")
    ap.add_argument("--atheris-seconds", type=int, default=120,
                    help="seconds of atheris fuzzing (0: none)")
    args = ap.parse_args()
    status = hypothesis_run(args.examples)
    if args.atheris_seconds:
        status = status or atheris_run(args.atheris_seconds)
    sys.exit(status)


if __name__ == "__main__":
    main()
