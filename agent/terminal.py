"""What reaches the terminal: text from models, plans and file names is data, and data must not drive
the terminal (an escape sequence in a section name could retitle the window or clear the screen).

    from v2m.agent.terminal import clean
    print(clean(model_text))

Every printer in the CLI and the chat passes its text through `clean`, the one place this is decided.
"""

from __future__ import annotations

import re

# ANSI/VT escape sequences (CSI ... final byte, OSC ... BEL/ST, two-byte ESC x), then any C0/C1
# control character left except newline and tab; DEL too.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]|\x9b[0-?]*[ -/]*[@-~]")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: object) -> str:
    """`text` as a string with escape sequences and control characters removed (newlines and tabs kept).

    Args:
        text: anything printable (str() is applied).
    Returns:
        The safe string.
    """
    return _CONTROLS.sub("", _ESCAPES.sub("", str(text)))
