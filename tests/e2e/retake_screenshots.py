"""Retake the README's screenshots: run the journey browser test (tests/e2e/test_journey.py),
which shoots every main screen at 1280×800 and 390×844 into test-artifacts/screenshots/, then
copy the ones the README shows (each file already in docs/screenshots/) over their old copies.

    .venv/bin/python -m tests.e2e.retake_screenshots            # run the journey, then copy
    .venv/bin/python -m tests.e2e.retake_screenshots --no-run   # copy the last run's shots
"""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-artifacts" / "screenshots"
DOCS = ROOT / "docs" / "screenshots"
JOURNEY_PREFIX = "journey-"


def run_journey() -> None:
    command = [sys.executable, "-m", "pytest", "tests/e2e/test_journey.py", "-q", "-p", "no:xdist"]
    subprocess.run(command, cwd=ROOT, check=True)


def copy_shots() -> list[str]:
    """Copy test-artifacts/screenshots/journey-<name> to docs/screenshots/<name> for every
    <name> the README uses; the names missing from the run, if any."""
    missing = []
    for target in sorted(DOCS.glob("*.png")):
        source = SHOTS / f"{JOURNEY_PREFIX}{target.name}"
        if source.exists():
            shutil.copyfile(source, target)
        else:
            missing.append(target.name)
    return missing


def main(argv: list[str]) -> int:
    if "--no-run" not in argv:
        run_journey()
    missing = copy_shots()
    for name in missing:
        print(f"not taken by the journey: {name}", file=sys.stderr)
    print(f"{len(list(DOCS.glob('*.png'))) - len(missing)} screenshots updated in {DOCS}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
