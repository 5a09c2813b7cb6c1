"""The README's Python examples run against a real cluster (with fewer rows: 3,000 synthetic, 2,000 of Fashion-MNIST)."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[3] / "README.md"
FMNIST = Path("/usr/share/datasets/fashion-mnist")
ROWS = 2000


def python_blocks() -> list:
    text = README.read_text()
    section = text[text.index("\n## Python\n") :]
    section = section[: section.index("\n## ", 1)]
    return re.findall(r"```python\n(.*?)```", section, flags=re.S)


def substituted(code: str, replacements: dict) -> str:
    for old, new in replacements.items():
        assert old in code, f"the README example no longer contains {old!r}"
        code = code.replace(old, new)
    return code


@pytest.mark.skipif(
    not (FMNIST / "train-images-idx3-ubyte.gz").exists(), reason="dataset-fashion-mnist is not installed"
)
def test_the_readme_example_runs(address: str, capsys: pytest.CaptureFixture) -> None:
    example, asynchronous = python_blocks()
    code = substituted(
        example,
        {
            'vecshard.Client("127.0.0.1:50051")': f'vecshard.Client("{address}", timeout=120, env={{}})',
            ".reshape(-1, 784).astype(np.float32)": f".reshape(-1, 784)[:{ROWS}].astype(np.float32)",
            'labels = read_idx(f"{FMNIST}/train-labels-idx1-ubyte.gz")': (
                f'labels = read_idx(f"{{FMNIST}}/train-labels-idx1-ubyte.gz")[:{ROWS}]'
            ),
        },
    )
    # the synthetic part smaller too (the README's 10,000 rows take seconds on a busy machine)
    assert code.count("10_000") >= 5
    code = code.replace("10_000", "3_000")
    scope: dict = {"__name__": "readme"}
    exec(compile(code, "README.md (Python)", "exec"), scope)
    client = scope["client"]
    assert client.count("fashion") == ROWS
    assert scope["found"].ids[:, 0].tolist() == [0, 1, 2]
    assert scope["job"].state == "completed"
    assert "upsert fashion" in capsys.readouterr().err  # the progress bar

    code = substituted(asynchronous, {'vecshard.AsyncClient("127.0.0.1:50051")': f'vecshard.AsyncClient("{address}", env={{}})'})
    code = code.replace("asyncio.run(main())", "")
    exec(compile(code, "README.md (Python, asyncio)", "exec"), scope)
    asyncio.run(scope["main"]())
    client.close()
