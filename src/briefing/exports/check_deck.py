"""Check the deck renders: `python -m briefing.exports.check_deck OUT_DIR`.

Converts OUT_DIR/briefing-slides.pptx to PDF with LibreOffice (if installed),
renders the pages to PNG with pdftoppm into OUT_DIR/deck-pages/, and prints the
page count. Exits 0 with a note when LibreOffice is missing (tests must not need it).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def libreoffice_binary() -> str | None:
    """The LibreOffice executable on PATH, if any."""
    return shutil.which("libreoffice") or shutil.which("soffice")


def pdf_page_count(pdf: Path) -> int:
    """Pages in a PDF (via pdfinfo from poppler-utils)."""
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


def check_deck(out_dir: Path) -> int | None:
    """Convert and render the deck; return its page count (None without LibreOffice)."""
    office = libreoffice_binary()
    if office is None:
        return None
    deck = Path(out_dir) / "briefing-slides.pptx"
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                office,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out_dir),
                str(deck),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
    pdf = deck.with_suffix(".pdf")
    pages_dir = Path(out_dir) / "deck-pages"
    pages_dir.mkdir(exist_ok=True)
    if shutil.which("pdftoppm"):
        subprocess.run(
            ["pdftoppm", "-png", "-r", "50", str(pdf), str(pages_dir / "page")], check=True
        )
    return pdf_page_count(pdf)


def main(argv: list[str]) -> int:
    out_dir = Path(argv[1]) if len(argv) > 1 else Path("build")
    pages = check_deck(out_dir)
    if pages is None:
        print("check-deck skipped: libreoffice not installed")
        return 0
    print(f"check-deck: {pages} pages rendered to {out_dir / 'deck-pages'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
