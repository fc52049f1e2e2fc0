"""Font configurations for Chromium that list only chosen font folders, so that what a browser test sees does not
depend on the fonts a machine happens to have. ``./dev test`` writes the default one (every folder it installs);
the picture tests add one per font family.

Run as a script: ``python tests/support/fonts.py OUT.conf FOLDER...`` writes a configuration listing the folders.
"""

from __future__ import annotations

import sys
from pathlib import Path
from xml.sax.saxutils import escape

DEJAVU = "/usr/share/fonts/truetype/dejavu"  # Debian's fonts-dejavu-core
LIBERATION = "/usr/share/fonts/truetype/liberation2"  # Debian's fonts-liberation2 (the metrics of Arial and Helvetica)
SANS = {LIBERATION: "Liberation Sans", DEJAVU: "DejaVu Sans"}  # folder -> its sans-serif family
_GENERIC = {"serif": ["Liberation Serif", "DejaVu Serif"], "monospace": ["Liberation Mono", "DejaVu Sans Mono"]}


def fontconfig_xml(folders: list[str], cache: str) -> str:
    """Only ``folders``; any family that is not there (Helvetica, -apple-system, sans-serif...) becomes the first
    folder's sans-serif. Chromium takes a font only when fontconfig binds its family strongly, and would otherwise
    fall back to the first font it finds (a maths font, say)."""
    dirs = "".join(f"  <dir>{escape(folder)}</dir>\n" for folder in folders)
    generic = "".join(
        f'  <alias binding="strong"><family>{name}</family><prefer>{"".join(f"<family>{f}</family>" for f in prefer)}</prefer></alias>\n'
        for name, prefer in _GENERIC.items()
    )
    # Debian's own defaults for drawing glyphs: slight hinting, antialiasing. Full hinting (fontconfig's
    # default without them) squeezes very small text to nothing, and it would vanish from printed PDFs.
    rendering = (
        '  <match target="pattern"><edit name="hintstyle" mode="append"><const>hintslight</const></edit>'
        '<edit name="antialias" mode="append"><bool>true</bool></edit></match>\n'
    )
    fallback = (
        '  <match target="pattern"><edit name="family" mode="append_last" binding="strong">'
        f"<string>{escape(SANS[folders[0]])}</string></edit></match>\n"
    )
    return f'<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n{dirs}  <cachedir>{escape(cache)}</cachedir>\n{generic}{rendering}{fallback}</fontconfig>\n'


def write_fontconfig(path: Path, folders: list[str]) -> Path:
    missing = [f for f in folders if not Path(f).is_dir()]
    if missing:
        raise SystemExit(f"font folders missing: {', '.join(missing)} (./dev test installs them)")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(fontconfig_xml(folders, str(path.parent / "fontconfig-cache")), encoding="utf-8")
    return path


if __name__ == "__main__":
    write_fontconfig(Path(sys.argv[1]), sys.argv[2:])
