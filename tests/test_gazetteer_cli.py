"""`python -m gazetteer lookup`: JSON out, exit codes 0/1/2, one-line errors, no traceback."""
import json
import subprocess
import sys

import pytest


def run(*args, raw=None):
    cmd = [sys.executable, "-m", "gazetteer", *args]
    p = subprocess.run(cmd if raw is None else cmd + [raw], capture_output=True)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8", "replace")


def test_best_match_as_json(project_root):
    code, out, err = run("lookup", "Deir al-Zour")
    assert code == 0, err
    best = json.loads(out)
    for field in ("id", "name", "arabic_name", "kind", "latitude", "longitude", "admin1", "country", "source"):
        assert field in best
    assert best["id"] == "gn:170794" and best["admin1"] == "Deir ez-Zor"
    assert abs(best["latitude"] - 35.34) < 0.05 and abs(best["longitude"] - 40.14) < 0.05


def test_all_candidates_ranked(project_root):
    code, out, _ = run("lookup", "الرقة", "--all")
    assert code == 0
    cands = json.loads(out)
    assert isinstance(cands, list) and len(cands) >= 2
    assert cands[0]["kind"] == "city" and any(c["kind"] == "governorate" for c in cands)


def test_no_match_exits_1_with_one_line(project_root):
    code, out, err = run("lookup", "Xyzzyville")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "Xyzzyville" in err and "Traceback" not in err


@pytest.mark.parametrize("name", ["", "   ", "x" * 300, "???"])
def test_unusable_input_exits_2(project_root, name):
    code, out, err = run("lookup", name)
    assert code == 2 and out == ""
    assert err.startswith("error: ") and err.count("\n") == 1 and "Traceback" not in err


def test_bytes_that_are_not_utf8_exit_2(project_root):
    p = subprocess.run([sys.executable.encode(), b"-m", b"gazetteer", b"lookup", b"\xff\xfeRaqqa"],
                       capture_output=True)
    assert p.returncode == 2 and b"Traceback" not in p.stderr and p.stderr.count(b"\n") == 1


def test_missing_argument_is_a_usage_error(project_root):
    code, _, err = run("lookup")
    assert code == 2 and "Traceback" not in err
