"""The launcher `python -m dashboard.serve` (what `make run` starts): streamlit run, app.py by default."""
from dashboard import serve


def test_default_script_is_the_app_and_options_pass_through():
    argv = serve.streamlit_argv(["--server.port", "8502"])
    assert argv[:2] == ["streamlit", "run"] and argv[2].endswith("app.py") and argv[3:] == ["--server.port", "8502"]


def test_a_script_given_first_is_run_instead():
    assert serve.streamlit_argv(["bench_app.py", "--server.headless", "true"]) == \
        ["streamlit", "run", "bench_app.py", "--server.headless", "true"]
